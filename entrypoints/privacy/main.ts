import '../../components/page.css';
import policy from '../../docs/privacy.md?raw';

/**
 * The privacy policy inside the extension, linked from the options page: the
 * same text as docs/privacy.md (the stores' listings link to that), shown as
 * written, so it can be read without a network.
 */
const text = document.createElement('pre');
text.className = 'cc-privacy';
text.textContent = policy;
document.getElementById('app')!.append(text);
