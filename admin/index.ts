/**
 * The CMS's entry script, bundled by `src/cms/admin-bundle.ts` into /admin/cms.js. The
 * only script of the site: no reader page loads it.
 */
import CMS from 'decap-cms-app';
import { useDigits, type Digits } from '../src/i18n/dates.ts';
import type { CmsOptions } from './backend.ts';
import {
	ALT_WIDGET,
	cmsConfig,
	DATE_WIDGET,
	MARKDOWN_FORMAT,
	SLUG_WIDGET,
	TAGS_WIDGET,
	YAML_FORMAT,
	type CmsChoices,
} from './config.ts';
import { sendBackendToken } from './lib/backend-token.ts';
import { skipBlankFiles } from './lib/blank-translations.ts';
import { frontMatterFormat, yamlFormat } from './lib/front-matter.ts';
import { fixInterface } from './lib/interface-fixes.ts';
import { withListFields } from './lib/list-fields.ts';
import ar from './locales/ar.ts';
import { articlePreview, PagePreview } from './preview/ArticlePreview.ts';
import { renameUploads } from './upload-names.ts';
import { AltControl } from './widgets/AltControl.ts';
import { dateTimeControl, DateTimePreview } from './widgets/DateTimeControl.ts';
import { SlugControl, SlugPreview } from './widgets/SlugControl.ts';
import { tagsControl, TagsPreview } from './widgets/TagsControl.ts';

/** Set at bundle time from the environment and the site's settings (see the integration and `choices.ts`). */
declare const NEWSROOM_CMS: {
	options: CmsOptions;
	choices: CmsChoices;
	tagsUrl: string;
	timeZone: string;
	digits: Digits;
	embedHosts: string[];
	previewStyle: string;
};

const { options, choices, timeZone, digits, embedHosts } = NEWSROOM_CMS;
const local = options.localBackend;
if (local?.token) sendBackendToken(local.url, local.token);

useDigits(digits);
renameUploads(document);
fixInterface(document);
skipBlankFiles(CMS as never, ['proxy', 'github', 'gitlab', 'gitea', 'forgejo']);
CMS.registerLocale('ar', ar);
// Articles are read with their list keys (state, date, section, author), never written with them.
const listContext = { timeZone, sections: choices.sections, authors: choices.authors };
CMS.registerCustomFormat(MARKDOWN_FORMAT, 'md', {
	...frontMatterFormat,
	fromFile: (content: string) => withListFields(frontMatterFormat.fromFile(content), listContext),
});
CMS.registerCustomFormat(YAML_FORMAT, 'yml', yamlFormat);
CMS.registerWidget(SLUG_WIDGET, SlugControl, SlugPreview);
CMS.registerWidget(DATE_WIDGET, dateTimeControl({ timeZone, digits }), DateTimePreview);
CMS.registerWidget(TAGS_WIDGET, tagsControl(NEWSROOM_CMS.tagsUrl), TagsPreview);
CMS.registerWidget(ALT_WIDGET, AltControl);
CMS.registerPreviewStyle(NEWSROOM_CMS.previewStyle);
CMS.registerPreviewTemplate('articles', articlePreview({ timeZone, embedHosts }));
CMS.registerPreviewTemplate('pages', PagePreview);
CMS.init({ config: cmsConfig(options, choices) });
