import { escapeXml as escapeHtml } from '../src/outputs/xml.ts';

/**
 * /admin/index.html: an empty Arabic, right-to-left page that loads the CMS. `noindex` keeps the
 * editors' entrance out of search engines.
 */
export function adminPage({
	title,
	script,
	style,
}: {
	title: string;
	script: string;
	style: string;
}): string {
	return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
	<head>
		<meta charset="utf-8">
		<meta name="viewport" content="width=device-width, initial-scale=1">
		<meta name="robots" content="noindex">
		<title>${escapeHtml(title)}</title>
		<link rel="icon" href="/favicon.svg" type="image/svg+xml">
		<link rel="stylesheet" href="${style}">
	</head>
	<body>
		<script src="${script}"></script>
	</body>
</html>
`;
}
