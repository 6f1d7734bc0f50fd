import type { ConfigData } from 'html-validate';

/**
 * html-validate's recommended rules, for every built page. Each change from the preset says why.
 */
export const htmlValidateConfig: ConfigData = {
	extends: ['html-validate:recommended'],
	rules: {
		// News headlines are long, and the site's name follows them in <title>. Search engines cut
		// long titles for display but read them whole; 70 characters would cut most Arabic headlines.
		'long-title': ['error', { maxlength: 160 }],
		// HTML allows any character but whitespace in an id. Arabic headings get Arabic ids, and
		// their diacritics (shadda, tanween) are combining marks the strict mode refuses.
		'valid-id': ['error', { relaxed: true }],
	},
};
