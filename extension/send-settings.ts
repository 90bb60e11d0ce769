import { browser } from 'wxt/browser';
import type { SettingsReply, SettingsRequest } from './settings-api';

/**
 * Sends a settings change to the background, which validates and writes it:
 * the error to show, or null when it was saved. Kept apart from
 * settings-api.ts so the popup does not carry its validator.
 */
export async function sendSettings(request: SettingsRequest): Promise<string | null> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as SettingsReply | undefined;
    return reply?.ok ? null : (reply?.error ?? 'no answer from CallCheck');
  } catch (error) {
    return String((error as Error)?.message ?? error);
  }
}
