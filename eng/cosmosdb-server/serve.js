#!/usr/bin/env node
"use strict";
/*
 * The Cosmos DB test server for the Cee.Routing.Cosmos tests: @vercel/cosmosdb-server (installed
 * from package-lock.json), listening on loopback over plain HTTP, with two departures from
 * Cosmos DB corrected in front of it. Nothing else is changed; everything else it answers is the
 * package's own behaviour.
 *
 *  1. Query plans. On Linux the .NET SDK asks the gateway for a query plan before a cross-partition
 *     query; the package runs the plan request as a query instead. Here a plan request is answered
 *     with the plan Cosmos DB gives a query without ORDER BY, TOP, OFFSET/LIMIT, DISTINCT, GROUP BY
 *     or aggregates: the whole key range, nothing to merge. Any other query is refused with 400 so
 *     a test cannot pass on a plan Cosmos DB would not give.
 *  2. A missing document. Reading a document that does not exist makes the package throw a
 *     TypeError, answered as 500; Cosmos DB answers 404. That one case is answered 404.
 *
 * Usage: node serve.js [--port N] (0 or none: a free port). Prints "listening <endpoint>" when ready.
 */
const { createHttpServer } = require("@vercel/cosmosdb-server");

const args = process.argv.slice(2);
const portIndex = args.indexOf("--port");
const port = portIndex >= 0 ? Number.parseInt(args[portIndex + 1], 10) : 0;
const host = "127.0.0.1";

const UNPLANNABLE = /\b(ORDER\s+BY|TOP|OFFSET|LIMIT|DISTINCT|GROUP\s+BY|COUNT|SUM|MIN|MAX|AVG)\b/i;
const DOCUMENT_PATH = /^\/+dbs\/[^/]+\/colls\/[^/]+\/docs\/[^/]+\/?$/;

function isTrue(value) {
  return typeof value === "string" && value.toLowerCase() === "true";
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", chunk => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res, status, body) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("x-ms-request-charge", "0");
  res.setHeader("x-ms-activity-id", require("crypto").randomUUID());
  res.end(JSON.stringify(body));
}

async function answerQueryPlan(req, res) {
  let query = "";
  try {
    query = JSON.parse(await readBody(req)).query || "";
  } catch (err) {
    send(res, 400, { code: "BadRequest", message: `cee test server: unreadable query plan request: ${err.message}` });
    return;
  }
  if (UNPLANNABLE.test(query)) {
    send(res, 400, {
      code: "BadRequest",
      message: `cee test server: no query plan for a query that needs merging across partitions: ${query}`
    });
    return;
  }
  send(res, 200, {
    partitionedQueryExecutionInfoVersion: 2,
    queryInfo: {
      distinctType: "None",
      top: null,
      offset: null,
      limit: null,
      orderBy: [],
      orderByExpressions: [],
      groupByExpressions: [],
      groupByAliases: [],
      aggregates: [],
      groupByAliasToAggregateType: {},
      rewrittenQuery: "",
      hasSelectValue: false,
      dCountInfo: null,
      hasNonStreamingOrderBy: false
    },
    queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }]
  });
}

function answerMissingDocumentAs404(res) {
  const end = res.end;
  res.end = function patchedEnd(chunk, ...rest) {
    if (res.statusCode === 500 && chunk && /Cannot read properties of undefined/.test(String(chunk))) {
      res.statusCode = 404;
      return end.call(this, JSON.stringify({ code: "NotFound", message: "Entity with the specified id does not exist in the system." }), ...rest);
    }
    return end.call(this, chunk, ...rest);
  };
}

// The package logs the TypeError of every missing-document read before it answers 500; those are
// answered 404 above, so they are not errors here and would only bury real ones in the log.
const logError = console.error.bind(console);
console.error = (first, ...rest) => {
  if (first instanceof TypeError && /read-document\.js/.test(first.stack || "") && /Cannot read properties of undefined/.test(first.message)) {
    return;
  }
  logError(first, ...rest);
};

const server = createHttpServer();
const [serve] = server.listeners("request");
server.removeAllListeners("request");
server.on("request", (req, res) => {
  const path = (req.url || "").split("?")[0];
  if (req.method === "POST" && isTrue(req.headers["x-ms-cosmos-is-query-plan-request"])) {
    answerQueryPlan(req, res).catch(err => send(res, 500, { message: String(err) }));
    return;
  }
  if (req.method === "GET" && DOCUMENT_PATH.test(path)) {
    answerMissingDocumentAs404(res);
  }
  serve(req, res);
});

server.listen(port, host, () => {
  const address = server.address();
  // eslint-disable-next-line no-console
  console.log(`listening http://${host}:${address.port}/`);
});

function stop() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
