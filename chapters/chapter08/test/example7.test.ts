import { exampleRunner } from '@mc/testing';
import { describe, expect, it } from 'vitest';
import { CascadeClassifier } from '../src/image/face-detection.js';
import { imread } from '../src/image/jpeg.js';
import { inputFile, iou, outputFile } from './images.js';

const runExample = exampleRunner(import.meta.url, { limitSeconds: 120 });

// Eileen Collins' face in astronaut.jpg, as a person would box it (x, y, w, h): OpenCV's box on
// the original PNG (scikit-image's `astronaut.png`).
const FACE = [177, 66, 95, 95];

describe('example7.py', () => {
  it('finds the one face of the portrait and none in the launch photograph, boxed in green', async () => {
    const run = await runExample('example7');
    expect(run.code, run.stderr).toBe(0);
    expect(run.lines).toHaveLength(3);
    // The book's order: obama1.jpeg (here rocket.jpg), then obama2.jpg (astronaut.jpg).
    expect(run.lines[0]).toMatch(/^Window '0 face\(s\) found': .*output\/rocket\.jpg$/);
    expect(run.lines[1]).toMatch(/^Window '1 face\(s\) found': .*output\/astronaut\.jpg$/);
    expect(run.lines[2]).toBe('Done.');

    const boxed = await imread(outputFile('astronaut.jpg'));
    const pixel = (x: number, y: number) => [
      ...boxed.data.subarray((y * boxed.cols + x) * 3, (y * boxed.cols + x) * 3 + 3),
    ];
    // On the box's left edge, halfway down: green (B, G, R); the middle of the face is not.
    const greenness = (x: number, y: number) => {
      const [b, g, r] = pixel(x, y) as [number, number, number];
      return g - Math.max(b, r);
    };
    expect(greenness(177, 113)).toBeGreaterThan(150);
    expect(greenness(224, 113)).toBeLessThan(30);
  });

  it('boxes the face where it is, and finds no face in a picture without one', async () => {
    const cascade = await CascadeClassifier.load(inputFile('haarcascade_frontalface_default.xml'));
    const faces = cascade.detectMultiScale(await imread(inputFile('astronaut.jpg')));
    expect(faces).toHaveLength(1);
    expect(iou(faces[0] as number[], FACE)).toBeGreaterThan(0.8);
    const flat = {
      rows: 200,
      cols: 200,
      channels: 3 as const,
      data: new Uint8Array(120_000).fill(128),
    };
    expect(cascade.detectMultiScale(flat)).toEqual([]);
  });
});
