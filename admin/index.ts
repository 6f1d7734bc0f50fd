/**
 * The CMS's entry script, bundled by `src/cms/admin-bundle.ts` into /admin/cms.js. The
 * only script of the site: no reader page loads it.
 */
import CMS from 'decap-cms-app';
import type { CmsOptions } from './backend.ts';
import { cmsConfig, MARKDOWN_FORMAT, SLUG_WIDGET, YAML_FORMAT, type CmsChoices } from './config.ts';
import { sendBackendToken } from './lib/backend-token.ts';
import { skipBlankFiles } from './lib/blank-translations.ts';
import { frontMatterFormat, yamlFormat } from './lib/front-matter.ts';
import ar from './locales/ar.ts';
import { articlePreview, PagePreview } from './preview/ArticlePreview.ts';
import { renameUploads } from './upload-names.ts';
import { SlugControl, SlugPreview } from './widgets/SlugControl.ts';

/** Set at bundle time from the environment and the site's settings (see the integration). */
declare const NEWSROOM_CMS: { options: CmsOptions; choices: CmsChoices; timeZone: string; previewStyle: string };

const local = NEWSROOM_CMS.options.localBackend;
if (local?.token) sendBackendToken(local.url, local.token);

renameUploads(document);
skipBlankFiles(CMS as never, ['proxy', 'github', 'gitlab', 'gitea', 'forgejo']);
CMS.registerLocale('ar', ar);
CMS.registerCustomFormat(MARKDOWN_FORMAT, 'md', frontMatterFormat);
CMS.registerCustomFormat(YAML_FORMAT, 'yml', yamlFormat);
CMS.registerWidget(SLUG_WIDGET, SlugControl, SlugPreview);
CMS.registerPreviewStyle(NEWSROOM_CMS.previewStyle);
CMS.registerPreviewTemplate('articles', articlePreview(NEWSROOM_CMS.timeZone));
CMS.registerPreviewTemplate('pages', PagePreview);
CMS.init({ config: cmsConfig(NEWSROOM_CMS.options, NEWSROOM_CMS.choices) });
