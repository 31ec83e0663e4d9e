// An assessment in detail: overall score and level, each dimension with its caps, every criterion's
// levels and evidence, the red flags that fired, and the findings with their remediation.
import { graphql } from '../api.js';
import { downloadPanel } from '../downloads.js';
import { band, date, decimal, h, levelClass, scrollBox, show, statusLine } from '../dom.js';
import { criterionLevels } from '../charts.js';

const ASSESSMENT = `query PortfolioPageAssessment($id: ID!) {
  assessment(id: $id) {
    id status frameworkVersion
    company { id name }
    assessor { name }
    publication { publishedAt publisher { name } }
    score {
      overall percentage level uncappedLevel levelCappedBy levelSuppressed coverage confidence dealLevelRedFlag
      dimensions { code score uncappedScore cappedBy capExplanation coverage applicable provisional }
      criteria { code dimension state recordedLevel effectiveLevel gated confidence target gap priority }
      redFlags { rule severity criterion explanation dealLevel }
    }
    criteria { code rationale notApplicableReason evidence { kind value contributor { name } addedAt } }
    findings { id title severity status criterion ownedBy { name } dueDate remediationPlan }
  }
}`;

const NAMES = `query PortfolioPageCriterionNames($version: Int!) {
  framework(version: $version) { dimensions { code name criteria { code name } } }
}`;

const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

export async function assessmentView(assessmentId) {
    show(statusLine('Loading the assessment…'));
    const assessment = (await graphql(ASSESSMENT, { id: assessmentId })).assessment;
    if (!assessment) {
        show(h('h1', {}, 'Assessment not found'), h('p', {}, 'This assessment does not exist or is not in a fund granted to you. '), h('a', { href: '#/' }, 'Back to the funds'));
        return;
    }
    const framework = (await graphql(NAMES, { version: assessment.frameworkVersion })).framework;
    const names = new Map((framework?.dimensions ?? []).flatMap(dimension => [[dimension.code, dimension.name], ...dimension.criteria.map(criterion => [criterion.code, criterion.name])]));
    const score = assessment.score;
    const recorded = new Map(assessment.criteria.map(criterion => [criterion.code, criterion]));
    show(
        h('nav', { className: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Funds'), ' / ',
            h('a', { href: `#/companies/${encodeURIComponent(assessment.company.id)}` }, assessment.company.name), ' / ', 'Assessment'),
        h('h1', {}, `${assessment.company.name}: assessment`),
        h('p', { className: 'lead' }, `Framework version ${assessment.frameworkVersion} · ${assessment.status.toLowerCase().replace('_', ' ')} · assessed by ${assessment.assessor.name}`,
            assessment.publication ? ` · published ${date(assessment.publication.publishedAt)} by ${assessment.publication.publisher.name}` : ''),
        reportPanel(assessment.id),
        h('section', { className: 'summary', 'aria-label': 'Overall' },
            h('div', { className: `big-score ${levelClass(score.level)}`, id: 'overall-score' }, decimal(score.overall), h('span', { className: 'small' }, ' / 4')),
            h('dl', { className: 'stats' },
                stat('Level', score.levelSuppressed ? 'suppressed by a red flag' : (score.level ?? '—')),
                stat('Uncapped level', score.uncappedLevel ?? '—'),
                score.levelCappedBy ? stat('Level capped by', score.levelCappedBy) : null,
                stat('Percentage', score.percentage === null ? '—' : `${decimal(score.percentage, 1)} %`),
                stat('Coverage', decimal(score.coverage)),
                stat('Confidence', decimal(score.confidence)))),
        redFlags(score.redFlags),
        h('section', { 'aria-labelledby': 'dimensions-title' },
            h('h2', { id: 'dimensions-title' }, 'Dimensions and criteria'),
            score.dimensions.map(dimension => dimensionSection(dimension, score.criteria.filter(criterion => criterion.dimension === dimension.code), names, recorded))),
        findings(assessment.findings),
    );
}

function stat(label, value) {
    return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

function redFlags(flags) {
    return h('section', { 'aria-labelledby': 'red-flags-title' },
        h('h2', { id: 'red-flags-title' }, 'Red flags'),
        flags.length === 0 ? h('p', { className: 'empty' }, 'No red flag fired.')
            : h('ul', { className: 'flag-list', id: 'red-flags' }, flags.map(flag => h('li', { className: `flag severity-${flag.severity.toLowerCase()}` },
                h('strong', {}, flag.rule + (flag.criterion ? ` ${flag.criterion}` : '')), ` (${flag.severity.toLowerCase()}${flag.dealLevel ? ', whole deal' : ''}): `, flag.explanation))));
}

function dimensionSection(dimension, criteria, names, recorded) {
    const title = `${dimension.code} ${names.get(dimension.code) ?? ''}`.trim();
    const scored = criteria.filter(criterion => criterion.state === 'SCORED');
    return h('article', { className: 'dimension', dataset: { dimension: dimension.code } },
        h('div', { className: 'section-head' },
            h('h3', {}, title),
            h('span', { className: `chip ${levelClass(band(dimension.score))}` }, dimension.applicable ? decimal(dimension.score) : 'n/a')),
        dimension.cappedBy ? h('p', { className: 'cap' }, `Capped by ${dimension.cappedBy} from ${decimal(dimension.uncappedScore)}: ${dimension.capExplanation ?? ''}`) : null,
        dimension.provisional ? h('p', { className: 'hint' }, 'Provisional: too few criteria scored.') : null,
        scored.length > 0 ? criterionLevels(`${title}: effective level and target of ${scored.map(criterion => `${criterion.code} ${criterion.effectiveLevel} of ${criterion.target}`).join(', ')}`, scored) : null,
        scrollBox(`Criteria of ${title}`, h('table', { className: 'data criteria' },
            h('thead', {}, h('tr', {}, ['Criterion', 'State', 'Recorded', 'Effective', 'Target', 'Gap', 'Confidence', 'Evidence'].map(label => h('th', { scope: 'col' }, label)))),
            h('tbody', {}, criteria.map(criterion => {
                const detail = recorded.get(criterion.code);
                return h('tr', { dataset: { criterion: criterion.code } },
                    h('th', { scope: 'row' }, h('span', { className: 'code' }, criterion.code), ' ', names.get(criterion.code) ?? ''),
                    h('td', {}, criterion.state.toLowerCase().replace('_', ' ')),
                    h('td', { className: 'num' }, criterion.recordedLevel ?? '—'),
                    h('td', { className: `num ${levelClass(criterion.effectiveLevel)}` }, criterion.effectiveLevel ?? '—', criterion.gated ? h('span', { className: 'small' }, ' gated') : null),
                    h('td', { className: 'num' }, criterion.target),
                    h('td', { className: 'num' }, criterion.gap ?? '—'),
                    h('td', {}, criterion.confidence?.toLowerCase() ?? '—'),
                    h('td', {}, evidence(detail)));
            })))));
}

function evidence(detail) {
    if (!detail) {
        return '—';
    }
    const items = detail.evidence.map(item => h('li', {}, item.kind === 'LINK' && /^https?:\/\//.test(item.value)
        ? h('a', { href: item.value, rel: 'noopener noreferrer', target: '_blank' }, item.value)
        : `${item.kind.toLowerCase()}: ${item.value}`, h('span', { className: 'small' }, ` (${item.contributor.name}, ${date(item.addedAt)})`)));
    return h('div', {},
        detail.rationale ? h('p', { className: 'rationale' }, detail.rationale) : null,
        detail.notApplicableReason ? h('p', { className: 'rationale' }, `Not applicable: ${detail.notApplicableReason}`) : null,
        items.length > 0 ? h('ul', { className: 'evidence' }, items) : h('span', { className: 'small' }, 'none'));
}

function findings(list) {
    const ordered = [...list].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity)
        || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    return h('section', { 'aria-labelledby': 'findings-title' },
        h('h2', { id: 'findings-title' }, 'Findings'),
        ordered.length === 0 ? h('p', { className: 'empty' }, 'No findings.')
            : scrollBox('Findings', h('table', { className: 'data', id: 'findings' },
                h('thead', {}, h('tr', {}, ['Severity', 'Finding', 'Status', 'Owner', 'Due', 'Remediation'].map(label => h('th', { scope: 'col' }, label)))),
                h('tbody', {}, ordered.map(finding => h('tr', {},
                    h('td', {}, h('span', { className: `severity severity-${finding.severity.toLowerCase()}` }, finding.severity.toLowerCase())),
                    h('th', { scope: 'row' }, finding.title, finding.criterion ? h('span', { className: 'small' }, ` ${finding.criterion}`) : null),
                    h('td', {}, finding.status.toLowerCase().replace('_', ' ')),
                    h('td', {}, finding.ownedBy?.name ?? '—'),
                    h('td', {}, finding.dueDate ?? '—'),
                    h('td', {}, finding.remediationPlan ?? '—')))))));
}

function reportPanel(assessmentId) {
    const id = encodeURIComponent(assessmentId);
    return downloadPanel('Report and exports', [
        { label: 'Committee report (PDF)', path: `/exports/assessments/${id}/report.pdf`, key: 'assessment-pdf' },
        { label: 'Scores CSV', path: `/exports/assessments/${id}/scores.csv`, key: 'scores-csv' },
        { label: 'Scores XLSX', path: `/exports/assessments/${id}/scores.xlsx`, key: 'scores-xlsx' },
    ]);
}
