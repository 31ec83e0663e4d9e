#!/usr/bin/env python3
"""Syncs deals from a CSV file into the Diligence API with syncDeals: the Python twin of sync.mjs.

Funds, companies and holdings are upserted by (source, external ID) in batches of at most 500 items,
each batch under an idempotency key derived from its content (the same keys as sync.mjs), so that
re-running the same file (after a crash, or retrying after any failure) never applies anything
twice: the API replays what it already applied. Python's standard library only (3.8+).

    python3 sync.py deals.csv

Environment (defaults fit the API's embedded default):
  DILIGENCE_API            http://127.0.0.1:8080/graphql
  DILIGENCE_TOKEN_URL      http://127.0.0.1:8090/diligence/token
  DILIGENCE_CLIENT_ID      sync-bot          DILIGENCE_CLIENT_SECRET  demo
  DILIGENCE_TOKEN          a bearer token to use instead of fetching one (never refreshed)
  SYNC_SOURCE              crm               SYNC_BATCH_ITEMS  500
  SYNC_STOP_AFTER_BATCHES  exit (status 3) after this many batches, as a crash would: for trying resumption
"""
import csv
import email.utils
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

API = os.environ.get("DILIGENCE_API", "http://127.0.0.1:8080/graphql")
TOKEN_URL = os.environ.get("DILIGENCE_TOKEN_URL", "http://127.0.0.1:8090/diligence/token")
CLIENT_ID = os.environ.get("DILIGENCE_CLIENT_ID", "sync-bot")
CLIENT_SECRET = os.environ.get("DILIGENCE_CLIENT_SECRET", "demo")
FIXED_TOKEN = os.environ.get("DILIGENCE_TOKEN")
SOURCE = os.environ.get("SYNC_SOURCE", "crm")
BATCH_ITEMS = min(500, int(os.environ.get("SYNC_BATCH_ITEMS", "500")))
STOP_AFTER_BATCHES = int(os.environ["SYNC_STOP_AFTER_BATCHES"]) if os.environ.get("SYNC_STOP_AFTER_BATCHES") else None
MAX_ATTEMPTS = 8
# a token is renewed once it has less than this left of its expires_in: no request goes out with a
# token about to expire in flight
RENEW_BEFORE_EXPIRY_SECONDS = 30
TIMEOUT_SECONDS = 60

MUTATION = """mutation Sync($input: SyncDealsInput!) {
  syncDeals(input: $input) {
    replayed
    summary { created updated unchanged failed }
    funds { externalId outcome userErrors { field code message } }
    companies { externalId outcome userErrors { field code message } }
    holdings { externalId outcome userErrors { field code message } }
    userErrors { field code message }
  }
}"""


def log(line):
    print(line, file=sys.stderr, flush=True)


def or_none(value):
    return None if value is None or value == "" else value


def number(text):
    """A CSV number as JavaScript's Number() gives it to JSON.stringify: an integer stays integral."""
    value = float(text)
    return int(value) if value.is_integer() else value


def items_of(deal):
    """One deal row -> the fund, company and holding items it describes (keys in sync.mjs's order)."""
    return {
        "fund": {
            "externalId": deal["fund_id"], "name": deal["fund_name"], "vintageYear": number(deal["fund_vintage"]),
            "strategy": deal["fund_strategy"], "currency": deal["fund_currency"],
            "targetSize": or_none(deal.get("fund_target_size")),
        },
        "company": {
            "externalId": deal["company_id"], "name": deal["company_name"], "website": or_none(deal.get("website")),
            "sector": deal["sector"], "headquartersCountry": deal["country"], "stage": deal["company_stage"],
            "employeeCount": number(deal["employees"]) if deal.get("employees") else None,
            "description": or_none(deal.get("description")),
        },
        "holding": {
            "externalId": deal["deal_id"], "fundExternalId": deal["fund_id"], "companyExternalId": deal["company_id"],
            "dealStage": deal["deal_stage"], "ownershipPercentage": or_none(deal.get("ownership")),
            "entryDate": or_none(deal.get("entry_date")), "exitDate": or_none(deal.get("exit_date")),
        },
    }


def read_deals(path):
    """The CSV's rows as dicts keyed by the header row, values trimmed, blank rows skipped."""
    with open(path, newline="", encoding="utf-8") as file:
        rows = [row for row in csv.reader(file) if any(value != "" for value in row)]
    header, data = [name.strip() for name in rows[0]], rows[1:]
    return [{name: (values[i] if i < len(values) else "").strip() for i, name in enumerate(header)} for values in data]


def batches_of(deals, limit=BATCH_ITEMS):
    """Batches of at most `limit` items; each fund and company goes in the first batch whose holdings need it."""
    batches, sent_funds, sent_companies = [], set(), set()
    current = {"funds": [], "companies": [], "holdings": []}
    size = lambda b: len(b["funds"]) + len(b["companies"]) + len(b["holdings"])
    for deal in deals:
        items = items_of(deal)
        fund, company = items["fund"], items["company"]
        needed = 1 + (fund["externalId"] not in sent_funds) + (company["externalId"] not in sent_companies)
        if size(current) + needed > limit:
            batches.append(current)
            current = {"funds": [], "companies": [], "holdings": []}
        if fund["externalId"] not in sent_funds:
            current["funds"].append(fund)
            sent_funds.add(fund["externalId"])
        if company["externalId"] not in sent_companies:
            current["companies"].append(company)
            sent_companies.add(company["externalId"])
        current["holdings"].append(items["holding"])
    if size(current) > 0:
        batches.append(current)
    return batches


def idempotency_key(source, batch):
    """The batch's content hash, byte for byte sync.mjs's (JSON.stringify of [source, batch])."""
    canonical = json.dumps([source, batch], ensure_ascii=False, separators=(",", ":"))
    return source + ":" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Fatal(Exception):
    """Not worth retrying: the API refused the request, or the credentials do not work."""


class Tokens:
    """Bearer tokens by OAuth2 client credentials.

    A token is fetched when there is none, when the last one has less than
    RENEW_BEFORE_EXPIRY_SECONDS left of its expires_in (one without expires_in is kept until
    refused), and after the API answered 401 (forget()). A token just fetched is always used once,
    however short its life. DILIGENCE_TOKEN, when set, is used as it is and never renewed.
    """

    def __init__(self):
        self.current = None
        self.renew_at = float("inf")
        self.renewable = not FIXED_TOKEN

    def bearer(self):
        if FIXED_TOKEN:
            return FIXED_TOKEN
        if self.current is None or time.monotonic() >= self.renew_at:
            self._fetch()
        return self.current

    def forget(self):
        """The API refused the current token (expired or invalid): the next bearer() fetches another."""
        self.current = None

    def _fetch(self):
        form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": CLIENT_ID,
                                       "client_secret": CLIENT_SECRET}).encode()
        request = urllib.request.Request(TOKEN_URL, data=form, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                body = json.loads(response.read())
        except urllib.error.HTTPError as error:
            if 400 <= error.code < 500:
                raise Fatal("token endpoint %s refused client %s: HTTP %d %s"
                            % (TOKEN_URL, CLIENT_ID, error.code, error.read()[:200].decode("utf-8", "replace")))
            raise
        if not body.get("access_token"):
            raise Fatal("token endpoint %s answered without an access_token" % TOKEN_URL)
        lifetime = float(body.get("expires_in") or 0)
        self.current = body["access_token"]
        self.renew_at = time.monotonic() + lifetime - RENEW_BEFORE_EXPIRY_SECONDS if lifetime > 0 else float("inf")
        log("token fetched for %s%s" % (CLIENT_ID, ", expires in %d s" % lifetime if lifetime > 0 else ""))


def retry_after_seconds(headers, body):
    """The seconds a refusal says to wait: its Retry-After header (seconds or an HTTP date), else an
    error's extensions.retryAfterSeconds; None when it says nothing."""
    header = headers.get("Retry-After")
    if header is not None:
        header = header.strip()
        if header.isdigit():
            return int(header)
        try:
            return max(0.0, email.utils.parsedate_to_datetime(header).timestamp() - time.time())
        except (TypeError, ValueError):
            pass
    for error in (body or {}).get("errors") or []:
        seconds = (error.get("extensions") or {}).get("retryAfterSeconds")
        if isinstance(seconds, (int, float)):
            return seconds
    return None


def post(bearer, input_):
    """POSTs the mutation; (status, headers, parsed JSON body or None) whatever the status."""
    request = urllib.request.Request(API, method="POST", data=json.dumps(
        {"query": MUTATION, "variables": {"input": input_}}, ensure_ascii=False).encode("utf-8"), headers={
        "Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json",
        "Authorization": "Bearer " + bearer})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            status, headers, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, raw = error.code, error.headers, error.read()
    try:
        body = json.loads(raw) if raw else None
    except ValueError:
        body = None
    return status, headers, body


def send(tokens, input_):
    """Sends one batch, as sync.mjs's send() does: retries network errors, HTTP 5xx and 429 (after
    Retry-After or the error's retryAfterSeconds, else with exponential backoff), THROTTLED and a key
    still in flight; after a 401 (token expired or invalid, whatever its body) fetches a new token
    and resends, once per batch, a second 401 being fatal; any other error is fatal."""
    renewed_after_401 = False
    attempt = 0
    while True:
        attempt += 1
        wait = min(30.0, 0.25 * 2 ** attempt)
        try:
            status, headers, body = post(tokens.bearer(), input_)
            errors = (body or {}).get("errors") or []
            throttled = any((e.get("extensions") or {}).get("classification") == "THROTTLED" for e in errors)
            if status == 401:
                if not tokens.renewable:
                    raise Fatal("HTTP 401: DILIGENCE_TOKEN is expired or invalid")
                if renewed_after_401:
                    raise Fatal("HTTP 401 with a token just fetched: the API does not accept %s's tokens "
                                "(issuer, audience, tenant claim or role?)" % CLIENT_ID)
                renewed_after_401 = True
                tokens.forget()
                log("  HTTP 401: token expired or invalid; fetching a new one")
                attempt -= 1
                continue
            if status >= 500 or status == 429 or throttled:
                # 429 is THROTTLED (the caller's budget), 503 UNAVAILABLE (the database or a busy server): both say when to come back
                reason = "throttled" if throttled else "HTTP %d" % status
                seconds = retry_after_seconds(headers, body)
                if seconds is not None:
                    wait = seconds
            elif body is None:
                raise Fatal("HTTP %d without a JSON body" % status)
            elif errors:
                raise Fatal("request refused: " + json.dumps(errors))
            else:
                payload = body["data"]["syncDeals"]
                if not any(e["code"] == "IDEMPOTENCY_KEY_IN_FLIGHT" for e in payload["userErrors"]):
                    return payload
                reason = "key in flight"
        except (urllib.error.URLError, OSError) as error:
            reason = str(error)
        if attempt >= MAX_ATTEMPTS:
            raise Fatal("gave up after %d attempts: %s" % (attempt, reason))
        log("  retrying (%s) in %d ms" % (reason, wait * 1000))
        time.sleep(wait)


def main():
    if len(sys.argv) < 2:
        log("usage: python3 sync.py deals.csv")
        return 2
    deals = read_deals(sys.argv[1])
    batches = batches_of(deals)
    tokens = Tokens()
    totals = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0, "replayed": 0}
    failures = []
    started = time.monotonic()
    for index, batch in enumerate(batches):
        if index == STOP_AFTER_BATCHES:
            log("stopping after %d batches (SYNC_STOP_AFTER_BATCHES), as a crash would; run again to resume" % index)
            return 3
        input_ = {"source": SOURCE, "idempotencyKey": idempotency_key(SOURCE, batch), **batch}
        result = send(tokens, input_)
        if result["userErrors"]:
            raise Fatal("batch %d refused: %s" % (index + 1, json.dumps(result["userErrors"])))
        if result["replayed"]:
            # a replay returns the stored result of the call that applied this batch before: nothing
            # happened now, except that its failed items are still not in the API
            totals["replayed"] += 1
            totals["failed"] += result["summary"]["failed"]
        else:
            for key in ("created", "updated", "unchanged", "failed"):
                totals[key] += result["summary"][key]
        for kind in ("funds", "companies", "holdings"):
            for item in result[kind]:
                if item["outcome"] == "FAILED":
                    failures.append("%s %s: %s" % (kind[:-1], item["externalId"], ", ".join(
                        "%s %s" % (".".join(str(f) for f in e.get("field") or []), e["code"]) for e in item["userErrors"])))
        # "sent": applied now; "replayed": an earlier run applied it, the API answered with that run's result
        log("batch %d/%d %s: %s" % (index + 1, len(batches), "replayed" if result["replayed"] else "sent",
                                    json.dumps(result["summary"], separators=(",", ":"))))
    seconds = max(time.monotonic() - started, 1e-9)
    summary = {"deals": len(deals), "batches": len(batches), **totals, "seconds": round(seconds, 2),
               "dealsPerSecond": round(len(deals) / seconds)}
    for line in failures[:20]:
        log("FAILED " + line)
    print(json.dumps(summary, separators=(",", ":")))
    return 1 if totals["failed"] > 0 else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Fatal as error:
        log(str(error))
        sys.exit(1)
