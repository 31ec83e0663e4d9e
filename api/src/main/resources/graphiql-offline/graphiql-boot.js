// Boots GraphiQL. The classic scripts before this module (all deferred, so they ran first) set
// window.React, window.ReactDOM and window.GraphiQL. Where the server offers demo users (embedded
// mode only: GET graphiql/demo-users answers 404 elsewhere), a picker above GraphiQL fetches the
// chosen user's token and puts it in the headers GraphiQL sends, as "Authorization: Bearer <token>":
// in the headers editor (where it can be read or changed) and in the fetcher, whose change makes
// GraphiQL fetch the schema again, now with the token.
const { React, ReactDOM, GraphiQL } = window;
const h = React.createElement;

const endpoint = new URL(new URLSearchParams(location.search).get('path') || '/graphql', location.href);

async function demoUsers() {
    const response = await fetch('graphiql/demo-users', { headers: { Accept: 'application/json' } });
    return response.ok ? response.json() : [];
}

async function demoToken(login) {
    const response = await fetch(`graphiql/demo-token/${encodeURIComponent(login)}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
    }
    return (await response.json()).access_token;
}

function describe(user) {
    return `${user.login}: ${user.name}, ${user.role}` + (user.firm ? ` at ${user.firm}` : '');
}

function DemoTokenPicker({ users, onToken }) {
    const [status, setStatus] = React.useState('');
    async function choose(event) {
        const login = event.target.value;
        if (!login) {
            return;
        }
        setStatus(`fetching a token for ${login}...`);
        try {
            onToken(await demoToken(login));
            setStatus(`Authorization header set to ${login}'s token (valid for an hour)`);
        } catch (error) {
            setStatus(`no token for ${login}: ${error.message}`);
        }
    }
    return h('div', { className: 'demo-token-picker' },
        h('label', null, 'Demo token ',
            h('select', { id: 'demo-user', defaultValue: '', onChange: choose },
                h('option', { value: '' }, 'choose a demo user'),
                users.map(user => h('option', { key: user.login, value: user.login }, describe(user))))),
        h('span', { id: 'demo-token-status' }, status));
}

function App({ users }) {
    const [authorization, setAuthorization] = React.useState(undefined);
    const fetcher = React.useMemo(() => GraphiQL.createFetcher({
        url: endpoint.href,
        headers: authorization ? { Authorization: authorization } : {},
    }), [authorization]);
    const headers = authorization ? JSON.stringify({ Authorization: authorization }, null, 2) : undefined;
    return h(React.Fragment, null,
        users.length > 0 ? h(DemoTokenPicker, { users, onToken: token => setAuthorization(`Bearer ${token}`) }) : null,
        h(GraphiQL, { fetcher, headers, defaultEditorToolsVisibility: 'headers' }));
}

ReactDOM.createRoot(document.getElementById('graphiql')).render(h(App, { users: await demoUsers() }));
