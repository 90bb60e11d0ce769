import { defineWebExtConfig } from 'wxt';

// There is no display here to open a browser in, and CallCheck's end-to-end
// tests launch their own browsers, so `wxt` dev mode only builds and watches.
export default defineWebExtConfig({
  disabled: true,
});
