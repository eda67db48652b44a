/** Text for an HTML page or attribute, with the five characters that could break out of it escaped. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
