import { grayImage, type Image } from './image.js';

/**
 * `cv2.threshold(gray, thresh, maxval, cv2.THRESH_BINARY)`: `maxval` where a pixel is strictly
 * greater than `thresh`, else 0. Returns [thresh, image], as OpenCV returns (retval, dst).
 */
export function threshold(gray: Image, thresh: number, maxval: number): [number, Image] {
  if (gray.channels !== 1) throw new TypeError('threshold() here takes a gray image');
  const out = grayImage(gray.rows, gray.cols);
  const src = gray.data;
  const dst = out.data;
  for (let i = 0; i < src.length; i++) dst[i] = (src[i] as number) > thresh ? maxval : 0;
  return [thresh, out];
}
