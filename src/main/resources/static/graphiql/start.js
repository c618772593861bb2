// GraphiQL from the jar (Spring's page loads it from a CDN, which never answers offline). Send an API key or
// a token in the Headers tab: {"X-API-Key": "…"} or {"Authorization": "Bearer …"}.
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(React.createElement(GraphiQL, {
  fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
  defaultEditorToolsVisibility: true,
  isHeadersEditorEnabled: true,
  defaultQuery: '# CaseGraph: a knowledge graph of people, organizations and cases in the fight against human trafficking.\n'
    + '# Every fact carries the quote it rests on. Try:\n\n'
    + '{\n  search(query: "Trofimv", first: 3) {\n    edges { highlights node { __typename id name } }\n  }\n}\n',
}));
