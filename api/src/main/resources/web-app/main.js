// The portfolio page: signs in, then shows what the hash names:
//   #/                                  the funds the caller may see
//   #/funds/<fund ID>                   a fund's heatmap, distribution and exports
//   #/companies/<company ID>?fund=<ID>  a company's trend
//   #/compare?fund=<ID>&ids=<ID>,<ID>   two or three companies side by side
//   #/assessments/<assessment ID>       an assessment in detail
import { currentSession, signIn, signOut } from './auth.js';
import { graphql, SignedOut } from './api.js';
import { errorBox, h, show } from './dom.js';
import { fundsView } from './views/funds.js';
import { portfolioView } from './views/portfolio.js';
import { trendView } from './views/trend.js';
import { compareView } from './views/compare.js';
import { assessmentView } from './views/assessment.js';

const VIEWER = `query PortfolioPageViewer { viewer { subject name roles fundScoped tenant { name } } }`;

const SESSION_ENDED = 'Your session ended. Sign in again to go on.';

let viewer;

function signInScreen(message) {
    document.getElementById('who').replaceChildren();
    show(h('section', { className: 'sign-in' },
        h('h1', {}, 'Portfolio maturity at a glance'),
        h('p', { className: 'lead' }, 'Compare the MLOps and AI-governance maturity of your funds\' companies: heatmaps, trends, side-by-side views and committee reports.'),
        message ? h('p', { className: 'hint', role: 'status' }, message) : null,
        h('button', { type: 'button', className: 'button', id: 'sign-in', onclick: () => signIn().catch(error => show(errorBox(error))) }, 'Sign in')));
}

function header() {
    const roles = viewer.roles.map(role => role.toLowerCase().replaceAll('_', ' ')).join(', ');
    document.getElementById('who').replaceChildren(
        h('span', { className: 'who-name', id: 'who-name' }, viewer.name ?? viewer.subject),
        h('span', { className: 'who-meta' }, [viewer.tenant?.name, roles].filter(Boolean).join(' · ')),
        h('button', { type: 'button', className: 'button link', id: 'sign-out', onclick: () => signOut() }, 'Sign out'));
}

async function route() {
    const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
    const parameters = new URLSearchParams(query);
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    try {
        if (parts[0] === 'funds' && parts[1]) {
            await portfolioView(parts[1]);
        } else if (parts[0] === 'companies' && parts[1]) {
            await trendView(parts[1], parameters.get('fund'));
        } else if (parts[0] === 'compare') {
            await compareView((parameters.get('ids') || '').split(',').filter(Boolean), parameters.get('fund'));
        } else if (parts[0] === 'assessments' && parts[1]) {
            await assessmentView(parts[1]);
        } else {
            await fundsView(viewer);
        }
        document.getElementById('view').focus({ preventScroll: true });
    } catch (error) {
        if (error instanceof SignedOut) {
            signInScreen(SESSION_ENDED);
        } else {
            show(errorBox(error), h('p', {}, h('a', { href: '#/' }, 'Back to the funds')));
        }
    }
}

async function start() {
    try {
        const session = await currentSession();
        if (!session) {
            signInScreen();
            return;
        }
        viewer = (await graphql(VIEWER)).viewer;
        header();
        if (!viewer.tenant) {
            show(h('h1', {}, 'No firm to show'), h('p', { className: 'lead' },
                'You are signed in without a firm (a platform administrator): the portfolio page shows a firm\'s funds to its own users.'));
            return;
        }
        window.addEventListener('hashchange', route);
        await route();
        document.body.dataset.ready = 'true';
    } catch (error) {
        if (error instanceof SignedOut) {
            signInScreen(SESSION_ENDED);
        } else {
            signInScreen();
            document.getElementById('view').prepend(errorBox(error));
        }
    }
}

start();
