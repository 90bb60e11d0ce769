import { describe, expect, it } from 'vitest';
import { dataset } from '../utils/dataset/bundled';
import { assess } from '../utils/verdict/assess';
import { framedByItsOwnCall, frameTooSmall, type FrameView } from '../utils/verdict/frame-rule';

const productAt = (url: string) => {
  const result = assess(url, dataset);
  return result.ok ? result.match?.entry.id : undefined;
};
const frame = (view: Partial<FrameView>): FrameView => ({
  top: false,
  width: 1280,
  height: 800,
  ancestorOrigins: [],
  ...view,
});

describe('the banner in frames', () => {
  it('speaks on the top page', () => {
    expect(framedByItsOwnCall(frame({ top: true, width: 10, height: 10 }), 'zoom', productAt)).toBe(false);
  });

  it('speaks in a full-size frame on a page it does not know (a portal embedding the call)', () => {
    expect(
      framedByItsOwnCall(frame({ ancestorOrigins: ['https://portal.lakeside-clinic.example'] }), 'doxy-me', productAt),
    ).toBe(false);
  });

  it("stays quiet in a call client's own frame: the page around it already warns", () => {
    expect(framedByItsOwnCall(frame({ ancestorOrigins: ['https://us02web.zoom.us'] }), 'zoom', productAt)).toBe(true);
  });

  it('stays quiet in a frame smaller than a call window, and speaks once it grows', () => {
    expect(frameTooSmall({ width: 0, height: 0 })).toBe(true);
    expect(frameTooSmall({ width: 319, height: 800 })).toBe(true);
    expect(frameTooSmall({ width: 800, height: 199 })).toBe(true);
    expect(framedByItsOwnCall(frame({ width: 0, height: 0 }), 'doxy-me', productAt)).toBe(true);
    expect(framedByItsOwnCall(frame({ width: 320, height: 200 }), 'doxy-me', productAt)).toBe(false);
  });

  it('has nothing to say where nothing matched', () => {
    expect(framedByItsOwnCall(frame({}), undefined, productAt)).toBe(false);
  });
});
