/**
 * Offline checks of manifest.xml: the online validator (`npm run validate`)
 * needs network access, so the schema rules Office enforces when it sideloads
 * a manifest — element order and required elements and attributes, the id's
 * GUID and the version's form, requirement sets, resource ids defined and used,
 * https URLs within the schema's length, localisation, icon files — are verified
 * here against the file itself.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');

/** What the manifest must agree with in the build: webpack.config.js and the metadata generator (CommonJS, untyped). */
interface WebpackConfig {
  name: string;
  entry: Record<string, string>;
  output: { filename: (pathData: { chunk?: { name?: string } }) => string };
  plugins: { constructor: { name: string }; userOptions?: { filename?: string; chunks?: string[] } }[];
}
interface WebpackConfigModule {
  (env: unknown, argv: { mode: string }): Promise<WebpackConfig[]>;
  FUNCTIONS_SCRIPT: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file without type declarations
const webpackConfig = require('../webpack.config.js') as WebpackConfigModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- idem
const { METADATA_FILES } = require('../scripts/functions-metadata.js') as { METADATA_FILES: { en: string; zh: string } };

interface XmlNode {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
  text: string;
}

/** Converts fast-xml-parser's `preserveOrder` output, which keeps sibling order, into a plain tree. */
function toNodes(items: readonly Record<string, unknown>[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const attrs = (item[':@'] ?? {}) as Record<string, string>;
    for (const [name, value] of Object.entries(item)) {
      if (name === ':@' || name === '#text' || name.startsWith('?')) continue;
      const kids = value as Record<string, unknown>[];
      const text = kids.map((k) => (typeof k['#text'] === 'string' ? k['#text'] : '')).join('');
      nodes.push({ name, attrs, children: toNodes(kids), text });
    }
  }
  return nodes;
}

let cached: { xml: string; root: XmlNode } | undefined;
function load(): { xml: string; root: XmlNode } {
  if (cached) return cached;
  const xml = fs.readFileSync(MANIFEST, 'utf8');
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const roots = toNodes(parser.parse(xml) as Record<string, unknown>[]);
  assert.equal(roots.length, 1, 'exactly one root element');
  cached = { xml, root: roots[0] as XmlNode };
  return cached;
}

function all(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The single child called `name`; fails if it is missing or repeated. */
function one(node: XmlNode, name: string): XmlNode {
  const found = all(node, name);
  assert.equal(found.length, 1, `<${node.name}> must have exactly one <${name}>`);
  return found[0] as XmlNode;
}

/** Follows a path of single children. */
function at(node: XmlNode, ...names: string[]): XmlNode {
  return names.reduce(one, node);
}

function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const c of node.children) yield* walk(c);
}

function attr(node: XmlNode, name: string): string {
  const value = node.attrs[name];
  assert.ok(value !== undefined, `<${node.name}> needs a ${name} attribute`);
  return value;
}

/** Children must all come from `sequence` and appear in its order (repeats of one element allowed). */
function assertOrder(node: XmlNode, sequence: readonly string[]): void {
  let last = -1;
  for (const c of node.children) {
    const index = sequence.indexOf(c.name);
    assert.notEqual(index, -1, `<${c.name}> is not a valid child of <${node.name}>`);
    assert.ok(index >= last, `<${c.name}> is out of order in <${node.name}>; expected order: ${sequence.join(', ')}`);
    last = index;
  }
}

function app(): XmlNode {
  return load().root;
}

function overrides(): XmlNode {
  return one(app(), 'VersionOverrides');
}

function workbookHost(): XmlNode {
  const hosts = all(one(overrides(), 'Hosts'), 'Host').filter((h) => h.attrs['xsi:type'] === 'Workbook');
  assert.equal(hosts.length, 1, 'one Workbook host in VersionOverrides');
  return hosts[0] as XmlNode;
}

function resources(): XmlNode {
  return one(overrides(), 'Resources');
}

/** Resource definitions by id, with the group each came from. */
function definitions(): { id: string; group: string; node: XmlNode }[] {
  return resources().children.flatMap((group) => group.children.map((node) => ({ id: attr(node, 'id'), group: group.name, node })));
}

function resourceUrl(resid: string): string {
  const found = definitions().filter((d) => d.id === resid);
  assert.equal(found.length, 1, `resource ${resid} is defined once`);
  return attr((found[0] as { node: XmlNode }).node, 'DefaultValue');
}

/** Width and height from the IHDR chunk, which the PNG format requires to come first. */
function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  assert.ok(data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file} has a PNG signature`);
  assert.equal(data.toString('ascii', 12, 16), 'IHDR', `${file} starts with IHDR`);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

// The TaskPaneApp sequence from the manifest schema (OfficeApp base plus the TaskPaneApp extension).
const OFFICE_APP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
  'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements',
  'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides', 'ExtendedOverrides',
];
const REQUIRED_TOP_LEVEL = [
  'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
];
// Which Resources group each referencing element's resid must point into.
const RESOURCE_GROUP: Readonly<Record<string, string>> = {
  'bt:Image': 'bt:Images',
  Runtime: 'bt:Urls',
  Namespace: 'bt:ShortStrings',
  FunctionFile: 'bt:Urls',
  SourceLocation: 'bt:Urls',
  LearnMoreUrl: 'bt:Urls',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
};
const HAN = /\p{Script=Han}/u;
// Identifiers shown as they are in every language: the functions' namespace is part of every formula.
const NOT_TRANSLATED = ['Functions.Namespace'];
// Maximum lengths of bt:ShortString and bt:LongString in the schema.
const SHORT_MAX = 125;
const LONG_MAX = 250;
/**
 * A URL of the schema is 1 to 2048 characters ("URL simpleType … between 1 and 2048 characters",
 * apps for Office manifest schema v1.1; SourceLocation's page says "between 1 and 2018").
 * The stricter 2018 is kept.
 */
const URL_MAX = 2018;
/** The schema's Version: 1 to 4 parts of 1 to 5 digits (learn.microsoft.com/javascript/api/manifest/version). */
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/u;
/** A requirement set version, e.g. 1.9 or 1.13 (MinVersion and DefaultMinVersion). */
const SET_VERSION = /^\d+\.\d+$/u;
/** The requirement sets this add-in may name (others are a typo Office would ignore: the add-in would install where it cannot run). */
const KNOWN_SETS = ['ExcelApi', 'SharedRuntime', 'CustomFunctionsRuntime', 'DialogApi', 'RibbonApi', 'AddinCommands', 'IdentityAPI'];
/** Attributes each element must have (schema use="required"). */
const REQUIRED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  DisplayName: ['DefaultValue'], Description: ['DefaultValue'], IconUrl: ['DefaultValue'], HighResolutionIconUrl: ['DefaultValue'],
  SupportUrl: ['DefaultValue'], Host: ['xsi:type'], Set: ['Name'], 'bt:Image': ['id', 'DefaultValue'], 'bt:Url': ['id', 'DefaultValue'],
  'bt:String': ['id', 'DefaultValue'], 'bt:Override': ['Locale', 'Value'], Override: ['Locale', 'Value'], Runtime: ['resid'],
  Control: ['xsi:type', 'id'], Group: ['id'], OfficeTab: ['id'], ExtensionPoint: ['xsi:type'], Action: ['xsi:type'],
};

describe('manifest.xml', () => {
  it('is well-formed XML with a TaskPaneApp root', () => {
    assert.equal(XMLValidator.validate(load().xml), true);
    assert.equal(app().name, 'OfficeApp');
    assert.equal(attr(app(), 'xmlns'), 'http://schemas.microsoft.com/office/appforoffice/1.1');
    assert.equal(attr(app(), 'xsi:type'), 'TaskPaneApp');
  });

  it('has the required top-level elements, in schema order', () => {
    const names = app().children.map((c) => c.name);
    assert.deepEqual(names.filter((n) => REQUIRED_TOP_LEVEL.includes(n)), REQUIRED_TOP_LEVEL);
    assertOrder(app(), OFFICE_APP_ORDER);
    assert.equal(new Set(names).size, names.length, 'no top-level element is repeated');
  });

  it('has a GUID id, a four-part version and the expected identity', () => {
    assert.match(one(app(), 'Id').text, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    assert.match(one(app(), 'Version').text, /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal(one(app(), 'ProviderName').text, 'Service Star');
    assert.equal(one(app(), 'DefaultLocale').text, 'en-US');
    assert.equal(attr(one(app(), 'DisplayName'), 'DefaultValue'), 'Service Star');
    assert.deepEqual(all(one(app(), 'Hosts'), 'Host').map((h) => attr(h, 'Name')), ['Workbook']);
    assert.equal(one(app(), 'Permissions').text, 'ReadWriteDocument');
  });

  it('has a version in the schema\'s form, a locale tag, known permissions and required attributes everywhere', () => {
    assert.match(one(app(), 'Version').text, VERSION);
    assert.match(one(app(), 'DefaultLocale').text, /^[a-z]{2,3}-[A-Z]{2}$/u);
    assert.ok(['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'].includes(one(app(), 'Permissions').text));
    for (const node of walk(app())) {
      // Host in the top-level Hosts takes Name; in VersionOverrides it takes xsi:type. Inside
      // VersionOverrides, Description (and the like) points at a resource instead of holding a value.
      const required = node.name === 'Host' && node.attrs['Name'] !== undefined ? ['Name']
        : node.attrs['resid'] !== undefined ? ['resid'] : REQUIRED_ATTRIBUTES[node.name] ?? [];
      for (const a of required) assert.ok(node.attrs[a] !== undefined && node.attrs[a] !== '', `<${node.name}> needs ${a}`);
      for (const locale of [node.attrs['Locale']].filter((l) => l !== undefined)) assert.match(locale as string, /^[a-z]{2,3}-[A-Z]{2}$/u, `<${node.name} Locale>`);
    }
  });

  it('names known requirement sets, each once, with versions in n.n form', () => {
    const sets = at(app(), 'Requirements', 'Sets');
    assert.match(attr(sets, 'DefaultMinVersion'), SET_VERSION);
    const names = all(sets, 'Set').map((s) => attr(s, 'Name'));
    assert.equal(new Set(names).size, names.length, 'no set named twice');
    for (const set of all(sets, 'Set')) {
      assert.ok(KNOWN_SETS.includes(attr(set, 'Name')), `unknown requirement set ${attr(set, 'Name')}`);
      assert.match(attr(set, 'MinVersion'), SET_VERSION, attr(set, 'Name'));
    }
    assert.deepEqual(at(app(), 'Requirements').children.map((c) => c.name), ['Sets'], 'Requirements holds Sets only (Methods are for other hosts)');
  });

  it('keeps every URL within the schema\'s length, and every AppDomain an origin', () => {
    for (const node of walk(app())) {
      for (const [name, value] of Object.entries(node.attrs)) {
        if (value.includes('://') && !name.startsWith('xmlns')) assert.ok(value.length >= 1 && value.length <= URL_MAX, `<${node.name} ${name}> is ${value.length} characters`);
      }
      if (node.name === 'AppDomain') assert.equal(new URL(node.text.trim()).origin, node.text.trim(), 'an AppDomain is an origin, no path');
    }
  });

  it('orders VersionOverrides children as the schema requires', () => {
    const vo = overrides();
    assert.equal(attr(vo, 'xmlns'), 'http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    assert.equal(attr(vo, 'xsi:type'), 'VersionOverridesV1_0');
    assertOrder(vo, ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins']);
    const host = workbookHost();
    assertOrder(host, ['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
    const desktop = one(host, 'DesktopFormFactor');
    assertOrder(desktop, ['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    assertOrder(one(desktop, 'GetStarted'), ['Title', 'Description', 'LearnMoreUrl']);
    assertOrder(resources(), ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
    for (const node of walk(desktop)) {
      if (node.name === 'Group') assertOrder(node, ['Label', 'Icon', 'Control']);
      if (node.name === 'Control') assertOrder(node, ['Label', 'Supertip', 'Icon', 'Action']);
      if (node.name === 'Supertip') assertOrder(node, ['Title', 'Description']);
      if (node.name === 'Action') assertOrder(node, ['TaskpaneId', 'SourceLocation', 'Title']);
    }
  });

  it('adds a Service Star button to the Home tab that shows the task pane', () => {
    const point = one(one(workbookHost(), 'DesktopFormFactor'), 'ExtensionPoint');
    assert.equal(attr(point, 'xsi:type'), 'PrimaryCommandSurface');
    const tab = one(point, 'OfficeTab');
    assert.equal(attr(tab, 'id'), 'TabHome');
    const control = one(one(tab, 'Group'), 'Control');
    assert.equal(attr(control, 'xsi:type'), 'Button');
    const action = one(control, 'Action');
    assert.equal(attr(action, 'xsi:type'), 'ShowTaskpane');
    assert.equal(one(action, 'TaskpaneId').text, 'ButtonId1');
  });

  it('uses https for every URL', () => {
    const urls: string[] = [];
    for (const node of walk(app())) {
      for (const [name, value] of Object.entries(node.attrs)) {
        // Namespace names are identifiers, not fetched.
        if (name !== 'xmlns' && !name.startsWith('xmlns:') && value.includes('://')) urls.push(value);
      }
      if (node.text.includes('://')) urls.push(node.text.trim());
    }
    // Elements whose whole value is a URL must hold an absolute https one even without "://".
    for (const node of walk(app())) {
      if (['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'bt:Url', 'bt:Image'].includes(node.name) && node.attrs['DefaultValue'] !== undefined) {
        urls.push(attr(node, 'DefaultValue'));
      }
      if (node.name === 'AppDomain') urls.push(node.text.trim());
    }
    urls.push(attr(at(app(), 'DefaultSettings', 'SourceLocation'), 'DefaultValue'));
    assert.ok(urls.length >= 10, `expected the manifest's URLs, found ${urls.length}`);
    for (const url of urls) {
      assert.equal(new URL(url).protocol, 'https:', `${url} must be https`);
    }
  });

  it('defines every referenced resource exactly once, with the right type, and uses every definition', () => {
    const defs = definitions();
    const ids = defs.map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate resource ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
    for (const id of ids) assert.ok(id.length <= 32, `resource id ${id} is longer than 32 characters`);

    const groupOf = new Map(defs.map((d) => [d.id, d.group]));
    const used = new Set<string>();
    for (const node of walk(app())) {
      const resid = node.attrs['resid'];
      if (resid === undefined) continue;
      const group = groupOf.get(resid);
      assert.ok(group !== undefined, `<${node.name} resid="${resid}"> refers to an undefined resource`);
      const expected = RESOURCE_GROUP[node.name];
      assert.ok(expected !== undefined, `<${node.name}> takes a resid: add it to RESOURCE_GROUP`);
      assert.equal(group, expected, `<${node.name} resid="${resid}"> must refer to a ${expected} entry`);
      used.add(resid);
    }
    assert.deepEqual(ids.filter((id) => !used.has(id)), [], 'unused resources');
  });

  it('translates every user-visible string into zh-CN, within the schema length limits', () => {
    const localised: { node: XmlNode; override: string; max: number }[] = [
      { node: one(app(), 'DisplayName'), override: 'Override', max: SHORT_MAX },
      { node: one(app(), 'Description'), override: 'Override', max: LONG_MAX },
      ...all(one(resources(), 'bt:ShortStrings'), 'bt:String')
        .filter((node) => !NOT_TRANSLATED.includes(attr(node, 'id')))
        .map((node) => ({ node, override: 'bt:Override', max: SHORT_MAX })),
      ...all(one(resources(), 'bt:LongStrings'), 'bt:String').map((node) => ({ node, override: 'bt:Override', max: LONG_MAX })),
    ];
    for (const { node, override, max } of localised) {
      const label = node.attrs['id'] ?? node.name;
      const english = attr(node, 'DefaultValue');
      const zh = all(node, override).filter((o) => o.attrs['Locale'] === 'zh-CN');
      assert.equal(zh.length, 1, `${label} needs one zh-CN override`);
      const chinese = attr(zh[0] as XmlNode, 'Value');
      assert.match(chinese, HAN, `${label}'s zh-CN override must be Chinese`);
      assert.doesNotMatch(english, HAN, `${label}'s default (en-US) value must not be Chinese`);
      for (const text of [english, chinese]) {
        assert.ok(text.length > 0 && text.length <= max, `${label}: "${text}" must be 1..${max} characters`);
      }
    }
    assert.equal(attr(one(one(app(), 'Description'), 'Override'), 'Value'), '服务之星评选：按评选规则计算得分、一票否决、奖金扣罚和获奖名单');
    for (const id of NOT_TRANSLATED) {
      const node = definitions().find((d) => d.id === id)?.node;
      assert.ok(node, `${id} is defined`);
      assert.deepEqual(node.children.map((c) => c.name), [], `${id} is an identifier and has no overrides`);
    }
  });

  it('runs the ribbon and task pane in one long-lived shared runtime', () => {
    const sets = at(app(), 'Requirements', 'Sets');
    const shared = all(sets, 'Set').filter((s) => s.attrs['Name'] === 'SharedRuntime');
    assert.equal(shared.length, 1, 'SharedRuntime requirement');
    assert.equal(attr(shared[0] as XmlNode, 'MinVersion'), '1.1');

    const host = workbookHost();
    const runtimes = all(one(host, 'Runtimes'), 'Runtime');
    assert.equal(runtimes.length, 1, 'one runtime');
    const runtime = runtimes[0] as XmlNode;
    assert.equal(attr(runtime, 'lifetime'), 'long');
    const resid = attr(runtime, 'resid');
    assert.equal(attr(at(host, 'DesktopFormFactor', 'FunctionFile'), 'resid'), resid);
    const sourceLocations = [...walk(host)].filter((n) => n.name === 'Action' && n.attrs['xsi:type'] === 'ShowTaskpane').map((a) => attr(one(a, 'SourceLocation'), 'resid'));
    assert.deepEqual(sourceLocations, [resid]);
    assert.equal(resourceUrl(resid), attr(at(app(), 'DefaultSettings', 'SourceLocation'), 'DefaultValue'));
  });

  it('requires ExcelApi 1.9: screen updating suspended and print titles (1.9), ranges by index and charts by range (1.7)', () => {
    const sets = at(app(), 'Requirements', 'Sets');
    const excel = all(sets, 'Set').filter((s) => s.attrs['Name'] === 'ExcelApi');
    assert.equal(excel.length, 1, 'ExcelApi requirement');
    assert.equal(attr(excel[0] as XmlNode, 'MinVersion'), '1.9');
    const adapter = fs.readFileSync(path.join(ROOT, 'src/io/office.ts'), 'utf8');
    for (const call of ['suspendScreenUpdatingUntilNextSync', 'setPrintTitleRows', 'getRangeByIndexes', 'setXAxisValues']) {
      assert.ok(adapter.includes(call), `${call}: the adapter uses it, so the requirement says so`);
    }
  });

  it('declares the STAR custom functions on the shared runtime (CustomFunctionsRuntime 1.3), in schema order', () => {
    const sets = at(app(), 'Requirements', 'Sets');
    const required = all(sets, 'Set').filter((s) => s.attrs['Name'] === 'CustomFunctionsRuntime');
    assert.equal(required.length, 1, 'CustomFunctionsRuntime requirement');
    // CustomFunctions.ErrorCode and Invocation.parameterAddresses are CustomFunctionsRuntime 1.3.
    assert.equal(attr(required[0] as XmlNode, 'MinVersion'), '1.3');
    const functions = fs.readFileSync(path.join(ROOT, 'src/functions/functions.ts'), 'utf8');
    for (const use of ['CustomFunctions.ErrorCode.invalidValue', 'CustomFunctions.ErrorCode.notAvailable', 'parameterAddresses', '@requiresParameterAddresses']) {
      assert.ok(functions.includes(use), `${use}: the functions use it, so the requirement says 1.3`);
    }

    const host = workbookHost();
    const points = all(one(host, 'AllFormFactors'), 'ExtensionPoint');
    assert.deepEqual(points.map((p) => attr(p, 'xsi:type')), ['CustomFunctions']);
    const point = points[0] as XmlNode;
    assert.deepEqual(point.children.map((c) => c.name), ['Script', 'Page', 'Metadata', 'Namespace']);
    for (const name of ['Script', 'Page', 'Metadata']) assert.deepEqual(one(point, name).children.map((c) => c.name), ['SourceLocation']);

    // The functions run in the task pane's page: the Page is the shared runtime's.
    const runtime = attr(one(one(host, 'Runtimes'), 'Runtime'), 'resid');
    assert.equal(attr(at(point, 'Page', 'SourceLocation'), 'resid'), runtime);
    assert.equal(resourceUrl(runtime), 'https://localhost:3000/taskpane.html');

    const namespace = definitions().find((d) => d.id === attr(one(point, 'Namespace'), 'resid'));
    assert.equal(namespace?.group, 'bt:ShortStrings');
    const name = attr((namespace as { node: XmlNode }).node, 'DefaultValue');
    assert.equal(name, 'STAR');
    assert.match(name, /^[A-Za-z][A-Za-z0-9._]{0,31}$/, 'a namespace is a letter, then letters, digits, . or _, 32 characters at most');
  });

  it('points the functions at the script webpack builds and the generated metadata, with a zh-CN override', async () => {
    const point = one(one(workbookHost(), 'AllFormFactors'), 'ExtensionPoint');
    const origin = new URL(resourceUrl('Taskpane.Url')).origin;

    const script = new URL(resourceUrl(attr(at(point, 'Script', 'SourceLocation'), 'resid')));
    assert.equal(script.origin, origin);
    assert.equal(script.pathname, `/${webpackConfig.FUNCTIONS_SCRIPT}`);
    for (const mode of ['production', 'development']) {
      const config = (await webpackConfig({}, { mode })).find((c) => c.name === 'addin') as WebpackConfig;
      assert.equal(config.entry['functions'], './src/functions/functions.ts');
      assert.equal(config.output.filename({ chunk: { name: 'functions' } }), webpackConfig.FUNCTIONS_SCRIPT, `${mode}: the functions' script keeps its name`);
      if (mode === 'production') {
        for (const name of ['taskpane', 'engine-worker']) assert.match(config.output.filename({ chunk: { name } }), /\[contenthash\]/, `${name} has a content hash`);
      }
      const pages = config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin' && p.userOptions?.filename === 'taskpane.html');
      assert.equal(pages.length, 1, 'webpack builds taskpane.html');
      assert.deepEqual([...(pages[0]?.userOptions?.chunks ?? [])].sort(), ['functions', 'taskpane'], 'the shared runtime page loads the functions and the task pane');
      assert.ok(config.plugins.some((p) => p.constructor.name === 'FunctionsMetadataPlugin'), 'webpack emits the functions metadata');
    }

    const metadata = definitions().find((d) => d.id === attr(at(point, 'Metadata', 'SourceLocation'), 'resid'));
    assert.equal(metadata?.group, 'bt:Urls');
    const node = (metadata as { node: XmlNode }).node;
    const en = new URL(attr(node, 'DefaultValue'));
    assert.equal(en.origin, origin);
    assert.equal(en.pathname, `/${METADATA_FILES.en}`);
    const overrides = all(node, 'bt:Override');
    assert.deepEqual(overrides.map((o) => attr(o, 'Locale')), ['zh-CN']);
    const zh = new URL(attr(overrides[0] as XmlNode, 'Value'));
    assert.equal(zh.origin, origin);
    assert.equal(zh.pathname, `/${METADATA_FILES.zh}`);
  });

  it('points every icon at a PNG in assets/ of the size its name and use say', () => {
    const icons: { url: string; size?: number }[] = [
      { url: attr(one(app(), 'IconUrl'), 'DefaultValue'), size: 32 },
      { url: attr(one(app(), 'HighResolutionIconUrl'), 'DefaultValue'), size: 64 },
    ];
    for (const node of walk(overrides())) {
      // Ribbon icon references carry the size Office will draw them at.
      if (node.name === 'bt:Image' && node.attrs['resid'] !== undefined) {
        icons.push({ url: resourceUrl(attr(node, 'resid')), size: Number(attr(node, 'size')) });
      }
      if (node.name === 'Icon') {
        assert.deepEqual(all(node, 'bt:Image').map((i) => attr(i, 'size')), ['16', '32', '80'], 'ribbon icons come in 16, 32 and 80 px');
      }
    }
    for (const image of all(one(resources(), 'bt:Images'), 'bt:Image')) {
      icons.push({ url: attr(image, 'DefaultValue') });
    }
    assert.ok(icons.length >= 5);
    for (const { url, size } of icons) {
      const match = /^\/assets\/(icon-(\d+)\.png)$/.exec(new URL(url).pathname);
      assert.ok(match, `${url} must name assets/icon-<size>.png`);
      const [, file, named] = match;
      const expected = Number(named);
      if (size !== undefined) assert.equal(expected, size, `${url} is used at ${size} px`);
      assert.deepEqual(pngSize(path.join(ROOT, 'assets', file as string)), { width: expected, height: expected }, `${file} dimensions`);
    }
  });
});
