// GraphiQL for MunicipalHub's /graphql/ui. Everything it needs is in this bundle: the page loads nothing from a CDN.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';

// The hub writes the endpoint and the initial headers (a development token and the X-Hub-* request context) into the page.
const config = JSON.parse(document.getElementById('hub-graphiql-config').textContent);

// The initial headers also ride on every request as defaults (the editor's values win), because GraphiQL's first
// schema request leaves before the headers editor is read: without them it would be refused with 401.
const fetcher = createGraphiQLFetcher({ url: config.endpoint, headers: JSON.parse(config.headers) });

const defaultQuery = `# MunicipalHub (庁内連携 API). Every request carries a bearer token and its context:
# X-Hub-Task (事務コード), X-Hub-Purpose (利用目的) and X-Hub-Case (案件) — edit them under "Headers" below.
query Resident($atena: String!) {
  resident(atenaNumber: $atena) {
    atenaNumber
    name
    nameKana
    birthDate { text precision }
    household { householdNumber members { atenaNumber name relationship } }
  }
}
`;

createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    defaultHeaders: config.headers,
    defaultEditorToolsVisibility: 'headers',
    // Headers hold the bearer token: keep them out of localStorage.
    shouldPersistHeaders: false,
  }),
);
