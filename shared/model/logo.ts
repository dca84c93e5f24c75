/**
 * The event logo to show, or '' when there is none we serve ourselves: a screen never loads an
 * image from outside the venue (there may be no internet, and a guest's link is not ours to show).
 */
export const localLogo = (url: string): string => (url.startsWith('/') && !url.startsWith('//') ? url : '');
