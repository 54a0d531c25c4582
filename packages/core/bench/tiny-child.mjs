process.send({ up: true });
process.disconnect();
