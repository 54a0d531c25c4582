# For measuring only (tools/bench/twins.mjs --python-path tools/bench/plot-data): Python imports
# this at start-up when the folder is on PYTHONPATH. It prints the y values each plt.plot call of a
# book's original receives, as `PLOT <label> <y> <y> ...`, then plots as usual, headless: a
# program that only plots its timings (Chapter 16's example4) is measured unchanged.
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt

_plot = plt.plot


def plot(x, y, *args, **kwargs):
    values = ' '.join(f'{value:.4f}' for value in y)
    print(f"PLOT {kwargs.get('label', 'plot')} {values}", flush=True)
    return _plot(x, y, *args, **kwargs)


plt.plot = plot
