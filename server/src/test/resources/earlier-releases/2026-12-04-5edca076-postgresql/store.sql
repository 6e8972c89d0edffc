--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: earlier_release_schema; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA earlier_release_schema;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: account_patterns; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.account_patterns (
    app_id character varying(64) NOT NULL,
    user_id character varying(256) NOT NULL,
    pattern character varying(32) NOT NULL,
    level_rank integer NOT NULL,
    current_value bigint NOT NULL,
    first_detected bigint NOT NULL,
    last_seen bigint NOT NULL,
    notified_rank integer DEFAULT 0 NOT NULL
);


--
-- Name: apps; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.apps (
    id character varying(64) NOT NULL,
    name character varying(200) NOT NULL,
    client_id character varying(64) NOT NULL,
    secret_lookup character varying(32) NOT NULL,
    secret_hash character varying(64) NOT NULL,
    allowed_origins text NOT NULL,
    created_at bigint NOT NULL,
    branding text,
    identity_secret character varying(64),
    identity_retired_secrets character varying(1000),
    require_signed_identity integer DEFAULT 0 NOT NULL,
    previous_secret_lookup character varying(32),
    previous_secret_hash character varying(64),
    previous_secret_until bigint
);


--
-- Name: challenges; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.challenges (
    id character varying(64) NOT NULL,
    app_id character varying(64) NOT NULL,
    evaluation_id character varying(36) NOT NULL,
    account_key character varying(330) NOT NULL,
    device_id character varying(36) NOT NULL,
    type character varying(16) NOT NULL,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    sends integer NOT NULL,
    code_hash character varying(64),
    code_sent_at bigint,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    finished_at bigint,
    document text NOT NULL,
    exited_to character varying(16),
    code_channel character varying(8)
);


--
-- Name: device_components; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.device_components (
    app_id character varying(64) NOT NULL,
    device_id character varying(36) NOT NULL,
    components text NOT NULL,
    updated_at bigint NOT NULL,
    blocking_key character varying(32)
);


--
-- Name: device_fingerprints; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.device_fingerprints (
    app_id character varying(64) NOT NULL,
    fingerprint_id character varying(32) NOT NULL,
    device_id character varying(36) NOT NULL,
    first_seen bigint NOT NULL,
    last_seen bigint NOT NULL
);


--
-- Name: device_tokens; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.device_tokens (
    app_id character varying(64) NOT NULL,
    token_hash character varying(64) NOT NULL,
    device_id character varying(36) NOT NULL,
    created_at bigint NOT NULL,
    last_seen bigint,
    browser_major integer,
    device_seen_at_join bigint
);


--
-- Name: devices; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.devices (
    app_id character varying(64) NOT NULL,
    id character varying(36) NOT NULL,
    type character varying(16) NOT NULL,
    browser character varying(100) NOT NULL,
    os character varying(100) NOT NULL,
    first_seen bigint NOT NULL,
    last_seen bigint NOT NULL
);


--
-- Name: evaluations; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.evaluations (
    app_id character varying(64) NOT NULL,
    id character varying(36) NOT NULL,
    user_id character varying(256),
    action character varying(64) NOT NULL,
    verdict character varying(16) NOT NULL,
    device_id character varying(36) NOT NULL,
    ip character varying(45) NOT NULL,
    created_at bigint NOT NULL,
    consumed_at bigint,
    document text NOT NULL,
    country character varying(2),
    latitude double precision,
    longitude double precision,
    accuracy_km double precision,
    network character varying(49)
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: operator_failures; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.operator_failures (
    email character varying(254) NOT NULL,
    client_key character varying(64) NOT NULL,
    at bigint NOT NULL
);


--
-- Name: operator_recovery_codes; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.operator_recovery_codes (
    operator_id character varying(64) NOT NULL,
    code_hash character varying(64) NOT NULL
);


--
-- Name: operator_sessions; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.operator_sessions (
    token_hash character varying(64) NOT NULL,
    operator_id character varying(64) NOT NULL,
    csrf_token character varying(64) NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
);


--
-- Name: operator_signin_locks; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.operator_signin_locks (
    bucket integer NOT NULL
);


--
-- Name: operators; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.operators (
    id character varying(64) NOT NULL,
    email character varying(254) NOT NULL,
    password_hash character varying(255) NOT NULL,
    created_at bigint NOT NULL,
    app_ids character varying(4000),
    read_only integer DEFAULT 0 NOT NULL,
    totp_secret character varying(64),
    totp_last_step bigint DEFAULT 0 NOT NULL
);


--
-- Name: owner_notice_claims; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.owner_notice_claims (
    app_id character varying(64) NOT NULL,
    claim_key character varying(300) NOT NULL,
    claimed_at bigint NOT NULL
);


--
-- Name: owner_notice_recipients; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.owner_notice_recipients (
    app_id character varying(64) NOT NULL,
    user_id character varying(256) NOT NULL,
    device_id character varying(36) NOT NULL,
    recipient character varying(254) NOT NULL,
    sent_at bigint NOT NULL
);


--
-- Name: owner_notices; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.owner_notices (
    app_id character varying(64) NOT NULL,
    user_id character varying(256) NOT NULL,
    device_id character varying(36) NOT NULL,
    sent_at bigint NOT NULL,
    recipient character varying(254)
);


--
-- Name: policies; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.policies (
    app_id character varying(64) NOT NULL,
    id character varying(64) NOT NULL,
    document text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: policy_versions; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.policy_versions (
    app_id character varying(64) NOT NULL,
    version bigint NOT NULL
);


--
-- Name: settings; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.settings (
    name character varying(100) NOT NULL,
    value text NOT NULL
);


--
-- Name: user_countries; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.user_countries (
    app_id character varying(64) NOT NULL,
    user_id character varying(256) NOT NULL,
    country character varying(2) NOT NULL,
    first_seen bigint NOT NULL,
    last_seen bigint NOT NULL
);


--
-- Name: user_devices; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.user_devices (
    app_id character varying(64) NOT NULL,
    user_id character varying(256) NOT NULL,
    device_id character varying(36) NOT NULL,
    status character varying(16) NOT NULL,
    first_seen bigint NOT NULL,
    last_seen bigint NOT NULL,
    detached_at bigint
);


--
-- Name: user_fingerprints; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.user_fingerprints (
    app_id character varying(64) NOT NULL,
    user_id character varying(256) NOT NULL,
    fingerprint_id character varying(32) NOT NULL,
    first_seen bigint NOT NULL,
    last_seen bigint NOT NULL
);


--
-- Name: user_ips; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.user_ips (
    app_id character varying(64) NOT NULL,
    user_id character varying(256) NOT NULL,
    ip character varying(45) NOT NULL,
    first_seen bigint NOT NULL,
    last_seen bigint NOT NULL
);


--
-- Name: users; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.users (
    app_id character varying(64) NOT NULL,
    id character varying(256) NOT NULL,
    first_seen bigint NOT NULL,
    last_seen bigint NOT NULL
);


--
-- Name: value_list_entries; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.value_list_entries (
    app_id character varying(64) NOT NULL,
    list_id character varying(64) NOT NULL,
    value character varying(320) NOT NULL,
    "position" bigint NOT NULL
);


--
-- Name: value_lists; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.value_lists (
    app_id character varying(64) NOT NULL,
    id character varying(64) NOT NULL,
    name character varying(100) NOT NULL,
    kind character varying(16) NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: webhook_attempts; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.webhook_attempts (
    app_id character varying(64) NOT NULL,
    message_id character varying(64) NOT NULL,
    endpoint_id character varying(64) NOT NULL,
    attempt integer NOT NULL,
    at bigint NOT NULL,
    status integer,
    error character varying(500),
    duration_ms bigint NOT NULL
);


--
-- Name: webhook_deliveries; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.webhook_deliveries (
    app_id character varying(64) NOT NULL,
    message_id character varying(64) NOT NULL,
    endpoint_id character varying(64) NOT NULL,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at bigint NOT NULL,
    locked_until bigint,
    lock_token character varying(64),
    last_status integer,
    last_error character varying(500),
    last_attempt_at bigint,
    created_at bigint NOT NULL
);


--
-- Name: webhook_endpoints; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.webhook_endpoints (
    app_id character varying(64) NOT NULL,
    id character varying(64) NOT NULL,
    url character varying(2048) NOT NULL,
    events character varying(512) NOT NULL,
    secret character varying(64) NOT NULL,
    created_at bigint NOT NULL,
    retired_secrets character varying(1000)
);


--
-- Name: webhook_messages; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.webhook_messages (
    app_id character varying(64) NOT NULL,
    id character varying(64) NOT NULL,
    event_type character varying(64) NOT NULL,
    user_id character varying(256),
    payload text NOT NULL,
    created_at bigint NOT NULL
);


--
-- Data for Name: account_patterns; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.account_patterns VALUES ('app_3GnVszrXmXua9JGL', 'user-01', 'multiple_countries', 1, 3, 1796679825485, 1796679825485, 1);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_3GnVszrXmXua9JGL', 'user-02', 'multiple_countries', 1, 4, 1796679825790, 1796679826004, 1);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_3GnVszrXmXua9JGL', 'user-03', 'multiple_countries', 1, 3, 1796679826172, 1796679826172, 1);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_3GnVszrXmXua9JGL', 'user-04', 'multiple_countries', 1, 3, 1796679826604, 1796679826604, 1);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_3GnVszrXmXua9JGL', 'user-05', 'multiple_countries', 1, 3, 1796679826720, 1796679826720, 1);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_3GnVszrXmXua9JGL', 'user-06', 'multiple_countries', 1, 4, 1796679826844, 1796679826910, 1);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_3GnVszrXmXua9JGL', 'user-07', 'multiple_countries', 1, 4, 1796679826996, 1796679827122, 1);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_3GnVszrXmXua9JGL', 'user-09', 'multiple_countries', 1, 3, 1796679827286, 1796679827286, 1);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_3GnVszrXmXua9JGL', 'user-10', 'multiple_countries', 1, 4, 1796679827392, 1796679827484, 1);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_3GnVszrXmXua9JGL', 'user-11', 'multiple_countries', 1, 3, 1796679827542, 1796679827542, 1);


--
-- Data for Name: apps; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.apps VALUES ('app_8NBezlkOT9JjBYJ7', 'default', 'pk_EGDVPiplBtQeAyArGtCHKTMv', 'gFhaOsKziaIo', '83b90ac6764abe29c1327cf673c993e30fa036be0670549d4ab522f92f939678', '["http://localhost:55693","http://127.0.0.1:55693"]', 1796679822775, NULL, 'ids_QrdeSoJ4g2s3qXDPFXC8pNsAWcx6nYmNtDmX3FxQv7v', NULL, 0, NULL, NULL, NULL);
INSERT INTO earlier_release_schema.apps VALUES ('app_rRHQen86waqq73mM', 'demo', 'pk_ewUzlv7LX2ZHIL5B2tMzSVtn', 'DcwTH4agGfm1', 'ba588c7094db8a820dd04c90771cf1485e6d0f884619162d9a51f3f02a9d39aa', '["http://localhost:55693","http://127.0.0.1:55693"]', 1796679823268, NULL, 'ids_SQKwH586bzR603CKY1QYH9lwCgTTza02KujzycxblwM', NULL, 0, NULL, NULL, NULL);
INSERT INTO earlier_release_schema.apps VALUES ('app_3GnVszrXmXua9JGL', 'earlier release', 'pk_ypa8wGpxGE7QgUiMOVc8YdED', 'IsW3rSRIrhZH', '70654e7d8f2d7f157fcec00f52fbb8ae64ad563e33eadb08dd24514e31d3b576', '["https://shop.example"]', 1796679824478, NULL, 'ids_3vOTk6rGWcbCHkWPe7ZdNWXqg6tdbQS8z4SaZtJXj6J', NULL, 0, NULL, NULL, NULL);


--
-- Data for Name: challenges; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.challenges VALUES ('ch_I76FRCPgO7T4b0oskHBOCzYQi42QsIVk', 'app_3GnVszrXmXua9JGL', '01a25276-7a60-7cc7-863e-88320268b6de', 'user:user-02', '01a25276-7a1f-7496-be9c-1e9f9caf42d8', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679826004, 1796680426004, NULL, '{"type":"device_limit","policyId":"pol_pPKMPJ0cKYJoyhoY","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-02","email":"user-02@mail.example","deviceId":"01a25276-7a1f-7496-be9c-1e9f9caf42d8","channels":[],"reasons":["device_count"],"identity":"server"}', NULL, NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_X1OiggutkHGHDRQWQ3tLXMuj4A8QOxhn', 'app_3GnVszrXmXua9JGL', '01a25276-7c0e-74fb-989f-84cdbd777b99', 'user:user-03', '01a25276-7be4-734f-a368-4bcb189db9dc', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679826441, 1796680426441, NULL, '{"type":"device_limit","policyId":"pol_pPKMPJ0cKYJoyhoY","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-03","email":"user-03@mail.example","deviceId":"01a25276-7be4-734f-a368-4bcb189db9dc","channels":[],"reasons":["device_count"],"identity":"server"}', NULL, NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_I7u5ATUgqaPoccbOAI4W0g4zfaEtXlJk', 'app_3GnVszrXmXua9JGL', '01a25276-7c48-780c-967c-9c1ef8e5e236', 'user:user-03', '01a25276-7c21-703f-8bef-cfd36553273f', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679826498, 1796680426498, NULL, '{"type":"device_limit","policyId":"pol_pPKMPJ0cKYJoyhoY","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-03","email":"user-03@mail.example","deviceId":"01a25276-7c21-703f-8bef-cfd36553273f","channels":[],"reasons":["device_count"],"identity":"server"}', NULL, NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_N4GcjXbO2PuyMWGsw8GExohD4wx47JJN', 'app_3GnVszrXmXua9JGL', '01a25276-7de1-70bf-9923-6a5ab411d67b', 'user:user-06', '01a25276-7dcb-7876-ba25-a936a6169a70', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679826910, 1796680426910, NULL, '{"type":"device_limit","policyId":"pol_pPKMPJ0cKYJoyhoY","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-06","email":"user-06@mail.example","deviceId":"01a25276-7dcb-7876-ba25-a936a6169a70","channels":[],"reasons":["device_count"],"identity":"server"}', NULL, NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_3oJFNizw0XPHSGjPkrvIjPZ6HmczSICl', 'app_3GnVszrXmXua9JGL', '01a25276-7e8e-7233-9e43-c0f8d6e1d659', 'user:user-07', '01a25276-7e7b-7338-9697-cf441639b0c7', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679827081, 1796680427081, NULL, '{"type":"device_limit","policyId":"pol_pPKMPJ0cKYJoyhoY","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-07","email":"user-07@mail.example","deviceId":"01a25276-7e7b-7338-9697-cf441639b0c7","channels":[],"reasons":["device_count"],"identity":"server"}', NULL, NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_a3y92aGrIG0B2wUE1AV1e90Ng1ZrpOAL', 'app_3GnVszrXmXua9JGL', '01a25276-7eb6-730b-a107-70a1fa39b796', 'user:user-07', '01a25276-7ea1-7a9d-846f-48ac8229d55a', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679827122, 1796680427122, NULL, '{"type":"device_limit","policyId":"pol_pPKMPJ0cKYJoyhoY","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-07","email":"user-07@mail.example","deviceId":"01a25276-7ea1-7a9d-846f-48ac8229d55a","channels":[],"reasons":["device_count"],"identity":"server"}', NULL, NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_hPcD9Nu0JyX3RWfft9GPjnjq6xIC5YWc', 'app_3GnVszrXmXua9JGL', '01a25276-8020-7654-8b9b-e94aa6b3a835', 'user:user-10', '01a25276-8000-7c6f-b8c6-673d43db4c35', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679827484, 1796680427484, NULL, '{"type":"device_limit","policyId":"pol_pPKMPJ0cKYJoyhoY","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-10","email":"user-10@mail.example","deviceId":"01a25276-8000-7c6f-b8c6-673d43db4c35","channels":[],"reasons":["device_count"],"identity":"server"}', NULL, NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_seyYPLFPbSquaQjS2EGoq8yfdLRhC3WK', 'app_3GnVszrXmXua9JGL', '01a25276-80b1-70fb-88ab-85239a5ea2d8', 'user:user-11', '01a25276-8091-77f2-9a6d-f05021f6e124', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679827627, 1796680427627, NULL, '{"type":"device_limit","policyId":"pol_pPKMPJ0cKYJoyhoY","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-11","email":"user-11@mail.example","deviceId":"01a25276-8091-77f2-9a6d-f05021f6e124","channels":[],"reasons":["device_count"],"identity":"server"}', NULL, NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_5g95zOY5O5Qdt7LlovWYrHmdJdWfCW83', 'app_3GnVszrXmXua9JGL', '01a25276-80d7-7bdf-856f-386e67e9f8e4', 'user:user-11', '01a25276-80bd-7db6-98ff-505e5a4b950c', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679827666, 1796680427666, NULL, '{"type":"device_limit","policyId":"pol_pPKMPJ0cKYJoyhoY","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-11","email":"user-11@mail.example","deviceId":"01a25276-80bd-7db6-98ff-505e5a4b950c","channels":[],"reasons":["device_count"],"identity":"server"}', NULL, NULL);


--
-- Data for Name: device_components; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-769c-7143-83be-d68b13511e71', '{"canvas":"c010","hardware_concurrency":4,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 1-0"}', 1796679824823, 'bb63227ecd20cb07646066352fcb54fc');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7893-7074-830a-2574da859bff', '{"canvas":"c011","hardware_concurrency":5,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 1-1"}', 1796679825541, 'a6f2ae92f1a2a342323823b89446d66a');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7930-773c-87f6-d372b03232b2', '{"canvas":"c020","hardware_concurrency":4,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 2-0"}', 1796679825703, '67371de325cd4e6c263a6d8c1c67eafd');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-79b8-77a1-a2a5-268a0fe694df', '{"canvas":"c021","hardware_concurrency":5,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 2-1"}', 1796679825829, '5d25f316309bc82b885cb7e5ca49ce63');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7a1f-7496-be9c-1e9f9caf42d8', '{"canvas":"c022","hardware_concurrency":6,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 2-2"}', 1796679825929, '9548f2c141a1990a751721ae17b97e3f');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7aaa-7ecd-96fe-0458f8f8f12e', '{"canvas":"c030","hardware_concurrency":4,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 3-0"}', 1796679826088, 'c7905d4887f83cbdc894503f66a031a0');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7b3b-7a19-9fc6-2839831ab6a6', '{"canvas":"c031","hardware_concurrency":5,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 3-1"}', 1796679826233, '63e77fd553283588aa6932e81fa7891b');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7be4-734f-a368-4bcb189db9dc', '{"canvas":"c032","hardware_concurrency":6,"languages":"en-GB,en","platform":"computer","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 3-2"}', 1796679826361, '2974bc17e09de00856218c611b0ba11c');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7c21-703f-8bef-cfd36553273f', '{"canvas":"c033","hardware_concurrency":7,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 3-3"}', 1796679826464, 'e71681bb3c2dd7065c2528211218018c');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7c6b-78bd-8b26-b9cb34d6d515', '{"canvas":"c040","hardware_concurrency":4,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 4-0"}', 1796679826534, 'be824795cd483f2ecd667c219e31bb84');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7ccb-72f7-b010-b5bb69f7bf37', '{"canvas":"c050","hardware_concurrency":4,"languages":"en-GB,en","platform":"computer","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 5-0"}', 1796679826634, '109cece1630367d1007b41ff2452d709');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7d38-7962-9c5f-41958b45dd84', '{"canvas":"c051","hardware_concurrency":5,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 5-1"}', 1796679826743, 'b221e11ab7b3fe415f2a7738fbedd60f');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7d6f-79c7-8e40-af3634ee49d0', '{"canvas":"c060","hardware_concurrency":4,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 6-0"}', 1796679826791, 'e775180f0bd3100904a6232ba117e5c3');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7dad-743f-b142-72b3a8f126cc', '{"canvas":"c061","hardware_concurrency":5,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 6-1"}', 1796679826860, 'db5b223b0e05884428364e919588b1c4');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7dcb-7876-ba25-a936a6169a70', '{"canvas":"c062","hardware_concurrency":6,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 6-2"}', 1796679826889, 'd4c2d62b8785f27010ea466b594125de');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7df1-7924-aef7-9df4424dcf94', '{"canvas":"c070","hardware_concurrency":4,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 7-0"}', 1796679826928, '266c398d0f8754d9832da45501223ef7');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7e4d-7121-8615-e85f503d00e7', '{"canvas":"c071","hardware_concurrency":5,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 7-1"}', 1796679827020, 'cf6ec5ecdd7c095daa7fd2376fa98dba');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7e7b-7338-9697-cf441639b0c7', '{"canvas":"c072","hardware_concurrency":6,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 7-2"}', 1796679827066, 'a2062cbfceeb90e6ddb15678aeec7e57');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7ea1-7a9d-846f-48ac8229d55a', '{"canvas":"c073","hardware_concurrency":7,"languages":"en-GB,en","platform":"computer","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 7-3"}', 1796679827104, '2eed20e5a2096bc612fd144450a5f066');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7eca-7a0e-8266-946cdb105b43', '{"canvas":"c080","hardware_concurrency":4,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 8-0"}', 1796679827145, 'da8304c723c8340ee764867df9d5b5e7');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f13-7693-8775-24fdd1b65a06', '{"canvas":"c090","hardware_concurrency":4,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 9-0"}', 1796679827215, 'bfece008257616782aca8e753272be1f');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f67-7a9c-832a-61554a3a75a0', '{"canvas":"c091","hardware_concurrency":5,"languages":"en-GB,en","platform":"computer","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 9-1"}', 1796679827301, '5c52ecdee254827c106131b3090b56f4');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f9c-79bc-b5c6-ceccb262542e', '{"canvas":"c100","hardware_concurrency":4,"languages":"en-GB,en","platform":"computer","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 10-0"}', 1796679827354, '1225d8e3daa4086897a3ef3287ccace4');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7fd9-761a-97b2-7a694d00ab3d', '{"canvas":"c101","hardware_concurrency":5,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 10-1"}', 1796679827416, '669a450e4e9db2da5f0e6914bc606a8b');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8000-7c6f-b8c6-673d43db4c35', '{"canvas":"c102","hardware_concurrency":6,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 10-2"}', 1796679827455, 'e86aebfce54f7a54e71027a3f1362f87');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-802f-78fa-adfd-4e31bed233c7', '{"canvas":"c110","hardware_concurrency":4,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 11-0"}', 1796679827503, '1aa10fa603b9173ceb94c926ac6ebe6b');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8070-733d-b2db-9be9fe6a761f', '{"canvas":"c111","hardware_concurrency":5,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 11-1"}', 1796679827567, 'e40ed88f4d70d841648ccce5e4b11f50');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8091-77f2-9a6d-f05021f6e124', '{"canvas":"c112","hardware_concurrency":6,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 11-2"}', 1796679827600, '30a9e465b83c02b1aaadffcbb10a9677');
INSERT INTO earlier_release_schema.device_components VALUES ('app_3GnVszrXmXua9JGL', '01a25276-80bd-7db6-98ff-505e5a4b950c', '{"canvas":"c113","hardware_concurrency":7,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 11-3"}', 1796679827645, 'bab8ed086436ab05e5bfd6ad84b24da3');


--
-- Data for Name: device_fingerprints; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'a032d5a72d3ffe8544ffc8b7ff09fcf2', '01a25276-769c-7143-83be-d68b13511e71', 1796679824823, 1796679824823);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'c7f7e149f52217254072d831fd740d26', '01a25276-7893-7074-830a-2574da859bff', 1796679825541, 1796679825541);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '52213b257691fef6685c5c8a3a25ec6f', '01a25276-7930-773c-87f6-d372b03232b2', 1796679825703, 1796679825703);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '2565ce25c6fae32578eaa94dbcfe1e23', '01a25276-79b8-77a1-a2a5-268a0fe694df', 1796679825829, 1796679825829);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'f7043489780687d4cd9f3a231aa9a995', '01a25276-7a1f-7496-be9c-1e9f9caf42d8', 1796679825929, 1796679825929);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '62982406d2e82beb1b73573bdda2abb8', '01a25276-7aaa-7ecd-96fe-0458f8f8f12e', 1796679826088, 1796679826088);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '27f9c630c54a88be0451119b1dbb474d', '01a25276-7b3b-7a19-9fc6-2839831ab6a6', 1796679826233, 1796679826233);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '6b3df1192587aabc7d9be36e97361dc0', '01a25276-7be4-734f-a368-4bcb189db9dc', 1796679826361, 1796679826361);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'f8feb9888274bccf3de11312712352bd', '01a25276-7c21-703f-8bef-cfd36553273f', 1796679826464, 1796679826464);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '8ffd618245b85a8ff23e8b602ef074e1', '01a25276-7c6b-78bd-8b26-b9cb34d6d515', 1796679826534, 1796679826534);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '2ad6b48625776ac0fee7a2d6d787ac0c', '01a25276-7ccb-72f7-b010-b5bb69f7bf37', 1796679826634, 1796679826634);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'a359d7afb00dc8fe6d35c7896af7d67d', '01a25276-7d38-7962-9c5f-41958b45dd84', 1796679826743, 1796679826743);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '93f3517af884138bf675a8b3d895d9e6', '01a25276-7d6f-79c7-8e40-af3634ee49d0', 1796679826791, 1796679826791);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '99f39132c47e7955bbf594969122cdd5', '01a25276-7dad-743f-b142-72b3a8f126cc', 1796679826860, 1796679826860);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '2992b8342b3f8962aa59bbcef9395e4f', '01a25276-7dcb-7876-ba25-a936a6169a70', 1796679826889, 1796679826889);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '55fe363dcb42256db2bc33f713b3e7b1', '01a25276-7df1-7924-aef7-9df4424dcf94', 1796679826928, 1796679826928);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '00bda99ed115851cdb789e4826809877', '01a25276-7e4d-7121-8615-e85f503d00e7', 1796679827020, 1796679827020);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'e3c1591fec40a94f4628e34186d34b93', '01a25276-7e7b-7338-9697-cf441639b0c7', 1796679827066, 1796679827066);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '6a1d623387248dcb65b212d46506bdee', '01a25276-7ea1-7a9d-846f-48ac8229d55a', 1796679827104, 1796679827104);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'fecd28f75ac3fed24b45506cc5a3b34d', '01a25276-7eca-7a0e-8266-946cdb105b43', 1796679827145, 1796679827145);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'd4652354ce2c1202ff1eb32eb43cd56a', '01a25276-7f13-7693-8775-24fdd1b65a06', 1796679827215, 1796679827215);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '7b99ae57c933a3cc49bd822ea4b8a5c6', '01a25276-7f67-7a9c-832a-61554a3a75a0', 1796679827301, 1796679827301);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '8d1cce9a559ff8ae0b41f54abdf1e2f0', '01a25276-7f9c-79bc-b5c6-ceccb262542e', 1796679827354, 1796679827354);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '770dd5e66ae4434f132469c7c185ba29', '01a25276-7fd9-761a-97b2-7a694d00ab3d', 1796679827416, 1796679827416);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '0b3f334db1e524b1651e9f8592970278', '01a25276-8000-7c6f-b8c6-673d43db4c35', 1796679827455, 1796679827455);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'bc252822c352a968f8a002b0106ccda0', '01a25276-802f-78fa-adfd-4e31bed233c7', 1796679827503, 1796679827503);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '41536558d9a4cab87ea380e19f15d290', '01a25276-8070-733d-b2db-9be9fe6a761f', 1796679827567, 1796679827567);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '291f3c79594f64b7549037590e3b3fc3', '01a25276-8091-77f2-9a6d-f05021f6e124', 1796679827600, 1796679827600);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_3GnVszrXmXua9JGL', '3b9ee9bd7bf780c9c89116850031e4ac', '01a25276-80bd-7db6-98ff-505e5a4b950c', 1796679827645, 1796679827645);


--
-- Data for Name: device_tokens; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '8c0ee6a6821706516c37ad6d4bae0f571e96da094f09bef70df8dc7994ca49cb', '01a25276-769c-7143-83be-d68b13511e71', 1796679825414, 1796679825414, 18, 1796679824823);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '1a49c38595ac23ab109f2326614a4e900052cce56e43b90b30df3c89bc07719f', '01a25276-7893-7074-830a-2574da859bff', 1796679825648, 1796679825648, 17, 1796679825541);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '8bef0cd618677a8ff4066451eed610885499a14a07e7c8d488418c4cdf2d1c43', '01a25276-7930-773c-87f6-d372b03232b2', 1796679825752, 1796679825752, 17, 1796679825703);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'f7ec9b6d3e687904b772b1630c7f51ee9feb89bc095e851a03eab3f516d0fd5e', '01a25276-79b8-77a1-a2a5-268a0fe694df', 1796679825894, 1796679825894, 18, 1796679825829);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'aae04032036c2a468ce6cf7e6c9fd3bab448c445d08c25ff1ea2300e7e2a148a', '01a25276-7a1f-7496-be9c-1e9f9caf42d8', 1796679826004, 1796679826004, 131, 1796679825929);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'e87d1094fa7e85bdc87fd09bd28de6a7184659a0fecd305ac06c48440cbc8a2f', '01a25276-7aaa-7ecd-96fe-0458f8f8f12e', 1796679826120, 1796679826120, 18, 1796679826088);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '574637c2d4d2df7b9110d2ad4f7e85ca00bbdff10e5e9f24bccf4464bda9bcf3', '01a25276-7b3b-7a19-9fc6-2839831ab6a6', 1796679826297, 1796679826297, 131, 1796679826233);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '031a0fd05c03f2ee3c58ff9a30c62a808d54a4c42501f37686cd2d25025ce856', '01a25276-7be4-734f-a368-4bcb189db9dc', 1796679826441, 1796679826441, 131, 1796679826361);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '1f3476bcc7afec37e99c7969600d6bb3d03f121e3cdcfca2c8be4d96c199089f', '01a25276-7c21-703f-8bef-cfd36553273f', 1796679826498, 1796679826498, 18, 1796679826464);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '5b3bb8187e5d17d87294e9c4ae612ce6eb4d517c58114be3f094c6115f173976', '01a25276-7c6b-78bd-8b26-b9cb34d6d515', 1796679826572, 1796679826572, 131, 1796679826534);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '75c261afb6410d74a18c3f8618ead98ac2c5cf3cbe1056467d187bc84ae79bf7', '01a25276-7ccb-72f7-b010-b5bb69f7bf37', 1796679826669, 1796679826669, 131, 1796679826634);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '52b1fc86d1186d0d5668cb99b5f2d2673f4aeb93e38a4b0a2188730b74d7739e', '01a25276-7d38-7962-9c5f-41958b45dd84', 1796679826764, 1796679826764, 18, 1796679826743);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '53d3160b2ec69677a5c666074c9c0dc08f8633980f86e4484001aaa4abebd423', '01a25276-7d6f-79c7-8e40-af3634ee49d0', 1796679826817, 1796679826817, 18, 1796679826791);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '706b2c11b0c40c64b2f6b1872bba807001028341fa1f16666a79ba87c985eebe', '01a25276-7dad-743f-b142-72b3a8f126cc', 1796679826876, 1796679826876, 17, 1796679826860);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '477765913355671bb0f1f1ef9c438164a7b315d9640fa12478765e548ef685d3', '01a25276-7dcb-7876-ba25-a936a6169a70', 1796679826910, 1796679826910, 18, 1796679826889);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'b224fe8f03a866d28a87a566889c10aa848bf35dbe87cd933e02b1724f2e886a', '01a25276-7df1-7924-aef7-9df4424dcf94', 1796679826968, 1796679826968, 17, 1796679826928);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'a578fc8499231d903e1907583b0b916441c54a291ea1c81fe06b2f33d4cdfffa', '01a25276-7e4d-7121-8615-e85f503d00e7', 1796679827046, 1796679827046, 18, 1796679827020);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'b1a88fcf1ea144f0500109d6d6a85408e6b082bbb064fdea30c5d6c2b457ac62', '01a25276-7e7b-7338-9697-cf441639b0c7', 1796679827081, 1796679827081, 131, 1796679827066);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '57fe9bee6e41ff89a8368c30aa3cd9bd8964be4aaf8fedf556c16e3ede5f2006', '01a25276-7ea1-7a9d-846f-48ac8229d55a', 1796679827122, 1796679827122, 131, 1796679827104);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'cf607d4c0522180252530b7c3cfa61197858674be21a4b16cd38ef833ca41aec', '01a25276-7eca-7a0e-8266-946cdb105b43', 1796679827173, 1796679827173, 18, 1796679827145);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '15637a2457a0abe0b77b2da9c5ff86b28993b2cde9b0a5d3e9c6497ed5930f03', '01a25276-7f13-7693-8775-24fdd1b65a06', 1796679827270, 1796679827270, 131, 1796679827215);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '64d36488087ffeeb5c7c03d4da50771545f12ba728fb36a57ba09b2457e87cdd', '01a25276-7f67-7a9c-832a-61554a3a75a0', 1796679827323, 1796679827323, 131, 1796679827301);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '2cec8a5ce143e76ac38d8b4c4e5c73e5d487f644b913b521621d2609445c241f', '01a25276-7f9c-79bc-b5c6-ceccb262542e', 1796679827378, 1796679827378, 131, 1796679827354);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '2a81a54ebe1bb341b1e4af8537c30514ba03cb5c2a5747af34f579cad8a52e17', '01a25276-7fd9-761a-97b2-7a694d00ab3d', 1796679827437, 1796679827437, 18, 1796679827416);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', '44a43058e0fed08ad0924c013d307031c9f3fefd865ec629e0e9f276475b3802', '01a25276-8000-7c6f-b8c6-673d43db4c35', 1796679827484, 1796679827484, 17, 1796679827455);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'e00762354a45f53879688293a540830fa0395d3b0759e83d2aaa0299957cedc2', '01a25276-802f-78fa-adfd-4e31bed233c7', 1796679827520, 1796679827520, 18, 1796679827503);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'fdde03d052bed4060e2345356b8ce03d7aa273bd8c96ffdb009a9131220d7d34', '01a25276-8070-733d-b2db-9be9fe6a761f', 1796679827585, 1796679827585, 17, 1796679827567);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'ffeb49d123327783e906a52413287bcdc0438167b629bbd062e2fd193b0f96af', '01a25276-8091-77f2-9a6d-f05021f6e124', 1796679827627, 1796679827627, 18, 1796679827600);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_3GnVszrXmXua9JGL', 'bd3dfc4f9851be2bc8c4ffbedd0d576f5d095b0b103bace97fd89d3037f10ba3', '01a25276-80bd-7db6-98ff-505e5a4b950c', 1796679827666, 1796679827666, 131, 1796679827645);


--
-- Data for Name: devices; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-769c-7143-83be-d68b13511e71', 'mobile', 'Safari', 'iOS', 1796679824823, 1796679824823);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7893-7074-830a-2574da859bff', 'tablet', 'Safari', 'iOS', 1796679825541, 1796679825541);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7930-773c-87f6-d372b03232b2', 'tablet', 'Safari', 'iOS', 1796679825703, 1796679825703);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-79b8-77a1-a2a5-268a0fe694df', 'computer', 'Safari', 'Mac OS', 1796679825829, 1796679825829);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7a1f-7496-be9c-1e9f9caf42d8', 'mobile', 'Chrome', 'Android', 1796679825929, 1796679825929);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7aaa-7ecd-96fe-0458f8f8f12e', 'computer', 'Safari', 'Mac OS', 1796679826088, 1796679826088);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7b3b-7a19-9fc6-2839831ab6a6', 'mobile', 'Chrome', 'Android', 1796679826233, 1796679826233);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7be4-734f-a368-4bcb189db9dc', 'computer', 'Chrome', 'Windows NT', 1796679826361, 1796679826361);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7c21-703f-8bef-cfd36553273f', 'mobile', 'Safari', 'iOS', 1796679826464, 1796679826464);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7c6b-78bd-8b26-b9cb34d6d515', 'mobile', 'Chrome', 'Android', 1796679826534, 1796679826534);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7ccb-72f7-b010-b5bb69f7bf37', 'computer', 'Chrome', 'Windows NT', 1796679826634, 1796679826634);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7d38-7962-9c5f-41958b45dd84', 'mobile', 'Safari', 'iOS', 1796679826743, 1796679826743);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7d6f-79c7-8e40-af3634ee49d0', 'mobile', 'Safari', 'iOS', 1796679826791, 1796679826791);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7dad-743f-b142-72b3a8f126cc', 'tablet', 'Safari', 'iOS', 1796679826860, 1796679826860);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7dcb-7876-ba25-a936a6169a70', 'computer', 'Safari', 'Mac OS', 1796679826889, 1796679826889);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7df1-7924-aef7-9df4424dcf94', 'tablet', 'Safari', 'iOS', 1796679826928, 1796679826928);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7e4d-7121-8615-e85f503d00e7', 'computer', 'Safari', 'Mac OS', 1796679827020, 1796679827020);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7e7b-7338-9697-cf441639b0c7', 'mobile', 'Chrome', 'Android', 1796679827066, 1796679827066);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7ea1-7a9d-846f-48ac8229d55a', 'computer', 'Chrome', 'Windows NT', 1796679827104, 1796679827104);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7eca-7a0e-8266-946cdb105b43', 'computer', 'Safari', 'Mac OS', 1796679827145, 1796679827145);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f13-7693-8775-24fdd1b65a06', 'mobile', 'Chrome', 'Android', 1796679827215, 1796679827215);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f67-7a9c-832a-61554a3a75a0', 'computer', 'Chrome', 'Windows NT', 1796679827301, 1796679827301);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f9c-79bc-b5c6-ceccb262542e', 'computer', 'Chrome', 'Windows NT', 1796679827354, 1796679827354);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7fd9-761a-97b2-7a694d00ab3d', 'mobile', 'Safari', 'iOS', 1796679827416, 1796679827416);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8000-7c6f-b8c6-673d43db4c35', 'tablet', 'Safari', 'iOS', 1796679827455, 1796679827455);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-802f-78fa-adfd-4e31bed233c7', 'mobile', 'Safari', 'iOS', 1796679827503, 1796679827503);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8070-733d-b2db-9be9fe6a761f', 'tablet', 'Safari', 'iOS', 1796679827567, 1796679827567);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8091-77f2-9a6d-f05021f6e124', 'computer', 'Safari', 'Mac OS', 1796679827600, 1796679827600);
INSERT INTO earlier_release_schema.devices VALUES ('app_3GnVszrXmXua9JGL', '01a25276-80bd-7db6-98ff-505e5a4b950c', 'mobile', 'Chrome', 'Android', 1796679827645, 1796679827645);


--
-- Data for Name: evaluations; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-78a5-7908-b700-b2c74e745115', 'user-01', 'login', 'allow', '01a25276-7893-7074-830a-2574da859bff', '2.125.160.216', 1796679825541, NULL, '{"action":"login","verdict":"allow","createdAt":1796679825541,"userId":"user-01","email":"user-01@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-01-1","device":{"id":"01a25276-7893-7074-830a-2574da859bff","type":"tablet","isNew":true,"fingerprintId":"c7f7e149f52217254072d831fd740d26","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7cf4-783c-b797-05bb87324981', 'user-05', 'access', 'allow', '01a25276-7ccb-72f7-b010-b5bb69f7bf37', '67.43.156.1', 1796679826669, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826669,"userId":"user-05","email":"user-05@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-05-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7ccb-72f7-b010-b5bb69f7bf37","type":"computer","isNew":false,"fingerprintId":"2ad6b48625776ac0fee7a2d6d787ac0c","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7828-76ca-a575-667ea7df1b78', 'user-01', 'access', 'allow', '01a25276-769c-7143-83be-d68b13511e71', '2.125.160.216', 1796679825414, 1796679827901, '{"action":"access","verdict":"allow","createdAt":1796679825414,"userId":"user-01","email":"user-01@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-01-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-769c-7143-83be-d68b13511e71","type":"mobile","isNew":false,"fingerprintId":"a032d5a72d3ffe8544ffc8b7ff09fcf2","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7865-7db8-a56e-dbf90e1a052e', 'user-01', 'access', 'allow', '01a25276-769c-7143-83be-d68b13511e71', '216.160.83.56', 1796679825485, 1796679827923, '{"action":"access","verdict":"allow","createdAt":1796679825485,"userId":"user-01","email":"user-01@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-01-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-769c-7143-83be-d68b13511e71","type":"mobile","isNew":false,"fingerprintId":"a032d5a72d3ffe8544ffc8b7ff09fcf2","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7901-7e23-a2e7-04e8c43c1ec6', 'user-01', 'access', 'allow', '01a25276-7893-7074-830a-2574da859bff', '216.160.83.56', 1796679825648, NULL, '{"action":"access","verdict":"allow","createdAt":1796679825648,"userId":"user-01","email":"user-01@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-01-1","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7893-7074-830a-2574da859bff","type":"tablet","isNew":false,"fingerprintId":"c7f7e149f52217254072d831fd740d26","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-793d-7222-812e-b8569ed8037f', 'user-02', 'signup', 'allow', '01a25276-7930-773c-87f6-d372b03232b2', '2.125.160.216', 1796679825703, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679825703,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-02-0","device":{"id":"01a25276-7930-773c-87f6-d372b03232b2","type":"tablet","isNew":true,"fingerprintId":"52213b257691fef6685c5c8a3a25ec6f","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-795e-76fa-8849-1d71929c9ddf', 'user-02', 'access', 'allow', '01a25276-7930-773c-87f6-d372b03232b2', '216.160.83.56', 1796679825752, NULL, '{"action":"access","verdict":"allow","createdAt":1796679825752,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-02-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7930-773c-87f6-d372b03232b2","type":"tablet","isNew":false,"fingerprintId":"52213b257691fef6685c5c8a3a25ec6f","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7990-7d39-ae9a-c5b47005af0c', 'user-02', 'access', 'allow', '01a25276-7930-773c-87f6-d372b03232b2', '175.16.199.1', 1796679825790, NULL, '{"action":"access","verdict":"allow","createdAt":1796679825790,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-02-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7930-773c-87f6-d372b03232b2","type":"tablet","isNew":false,"fingerprintId":"52213b257691fef6685c5c8a3a25ec6f","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7d25-76ca-af70-85f851b4391a', 'user-05', 'access', 'allow', '01a25276-7ccb-72f7-b010-b5bb69f7bf37', '202.196.224.1', 1796679826720, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826720,"userId":"user-05","email":"user-05@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-05-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7ccb-72f7-b010-b5bb69f7bf37","type":"computer","isNew":false,"fingerprintId":"2ad6b48625776ac0fee7a2d6d787ac0c","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-79c2-7bb9-af5d-be01783277a0', 'user-02', 'login', 'allow', '01a25276-79b8-77a1-a2a5-268a0fe694df', '216.160.83.56', 1796679825829, NULL, '{"action":"login","verdict":"allow","createdAt":1796679825829,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-02-1","device":{"id":"01a25276-79b8-77a1-a2a5-268a0fe694df","type":"computer","isNew":true,"fingerprintId":"2565ce25c6fae32578eaa94dbcfe1e23","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-79f6-7b00-983c-8e8b82c83a9b', 'user-02', 'access', 'allow', '01a25276-79b8-77a1-a2a5-268a0fe694df', '175.16.199.1', 1796679825894, NULL, '{"action":"access","verdict":"allow","createdAt":1796679825894,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-02-1","returnTo":"https://shop.example/watch","device":{"id":"01a25276-79b8-77a1-a2a5-268a0fe694df","type":"computer","isNew":false,"fingerprintId":"2565ce25c6fae32578eaa94dbcfe1e23","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7a31-7d89-bae2-ef753c0ebd37', 'user-02', 'login', 'allow', '01a25276-7a1f-7496-be9c-1e9f9caf42d8', '175.16.199.1', 1796679825929, NULL, '{"action":"login","verdict":"allow","createdAt":1796679825929,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-02-2","device":{"id":"01a25276-7a1f-7496-be9c-1e9f9caf42d8","type":"mobile","isNew":true,"fingerprintId":"f7043489780687d4cd9f3a231aa9a995","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7a60-7cc7-863e-88320268b6de', 'user-02', 'access', 'challenge', '01a25276-7a1f-7496-be9c-1e9f9caf42d8', '2a02:cf40::1:2', 1796679826004, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679826004,"redirect":"http://127.0.0.1:55693/challenge/ch_I76FRCPgO7T4b0oskHBOCzYQi42QsIVk","userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-02-2","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7a1f-7496-be9c-1e9f9caf42d8","type":"mobile","isNew":false,"fingerprintId":"f7043489780687d4cd9f3a231aa9a995","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":4,"ip_country":"HK","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 4 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"policy":{"id":"pol_pPKMPJ0cKYJoyhoY","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_I76FRCPgO7T4b0oskHBOCzYQi42QsIVk","type":"device_limit","status":"created","expiresAt":1796680426004},"logout":false,"identity":"server"}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7ab1-7c4d-ad60-7c5eca840d29', 'user-03', 'signup', 'allow', '01a25276-7aaa-7ecd-96fe-0458f8f8f12e', '216.160.83.56', 1796679826088, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679826088,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-03-0","device":{"id":"01a25276-7aaa-7ecd-96fe-0458f8f8f12e","type":"computer","isNew":true,"fingerprintId":"62982406d2e82beb1b73573bdda2abb8","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7acd-7ea6-baae-a47ac59d8382', 'user-03', 'access', 'allow', '01a25276-7aaa-7ecd-96fe-0458f8f8f12e', '175.16.199.1', 1796679826120, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826120,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-03-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7aaa-7ecd-96fe-0458f8f8f12e","type":"computer","isNew":false,"fingerprintId":"62982406d2e82beb1b73573bdda2abb8","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7b03-7717-81fd-93941fc0ac8f', 'user-03', 'access', 'allow', '01a25276-7aaa-7ecd-96fe-0458f8f8f12e', '2a02:cf40::1:2', 1796679826172, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826172,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-03-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7aaa-7ecd-96fe-0458f8f8f12e","type":"computer","isNew":false,"fingerprintId":"62982406d2e82beb1b73573bdda2abb8","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7b50-7ef6-9fdb-32f318455a2d', 'user-03', 'login', 'allow', '01a25276-7b3b-7a19-9fc6-2839831ab6a6', '175.16.199.1', 1796679826233, NULL, '{"action":"login","verdict":"allow","createdAt":1796679826233,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-03-1","device":{"id":"01a25276-7b3b-7a19-9fc6-2839831ab6a6","type":"mobile","isNew":true,"fingerprintId":"27f9c630c54a88be0451119b1dbb474d","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7b8f-765a-962f-64818c519d07', 'user-03', 'access', 'allow', '01a25276-7b3b-7a19-9fc6-2839831ab6a6', '2a02:cf40::1:2', 1796679826297, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826297,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-03-1","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7b3b-7a19-9fc6-2839831ab6a6","type":"mobile","isNew":false,"fingerprintId":"27f9c630c54a88be0451119b1dbb474d","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7bf3-7a6b-83dc-ec212ca304eb', 'user-03', 'login', 'allow', '01a25276-7be4-734f-a368-4bcb189db9dc', '2a02:cf40::1:2', 1796679826361, NULL, '{"action":"login","verdict":"allow","createdAt":1796679826361,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-03-2","device":{"id":"01a25276-7be4-734f-a368-4bcb189db9dc","type":"computer","isNew":true,"fingerprintId":"6b3df1192587aabc7d9be36e97361dc0","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":2,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7c0e-74fb-989f-84cdbd777b99', 'user-03', 'access', 'challenge', '01a25276-7be4-734f-a368-4bcb189db9dc', '67.43.156.1', 1796679826441, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679826441,"redirect":"http://127.0.0.1:55693/challenge/ch_X1OiggutkHGHDRQWQ3tLXMuj4A8QOxhn","userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-03-2","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7be4-734f-a368-4bcb189db9dc","type":"computer","isNew":false,"fingerprintId":"6b3df1192587aabc7d9be36e97361dc0","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":2,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":54,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"policy":{"id":"pol_pPKMPJ0cKYJoyhoY","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_X1OiggutkHGHDRQWQ3tLXMuj4A8QOxhn","type":"device_limit","status":"created","expiresAt":1796680426441},"logout":false,"identity":"server"}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7c28-7f33-a0ce-8c1d0b5d095e', 'user-03', 'login', 'allow', '01a25276-7c21-703f-8bef-cfd36553273f', '67.43.156.1', 1796679826464, NULL, '{"action":"login","verdict":"allow","createdAt":1796679826464,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-03-3","device":{"id":"01a25276-7c21-703f-8bef-cfd36553273f","type":"mobile","isNew":true,"fingerprintId":"f8feb9888274bccf3de11312712352bd","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":4,"computer_device_count":2,"tablet_device_count":0,"mobile_device_count":2,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":8,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7c48-780c-967c-9c1ef8e5e236', 'user-03', 'access', 'challenge', '01a25276-7c21-703f-8bef-cfd36553273f', '202.196.224.1', 1796679826498, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679826498,"redirect":"http://127.0.0.1:55693/challenge/ch_I7u5ATUgqaPoccbOAI4W0g4zfaEtXlJk","userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-03-3","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7c21-703f-8bef-cfd36553273f","type":"mobile","isNew":false,"fingerprintId":"f8feb9888274bccf3de11312712352bd","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":4,"computer_device_count":2,"tablet_device_count":0,"mobile_device_count":2,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":9,"has_high_velocity":false},"risk":{"score":54,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"policy":{"id":"pol_pPKMPJ0cKYJoyhoY","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":4.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_I7u5ATUgqaPoccbOAI4W0g4zfaEtXlJk","type":"device_limit","status":"created","expiresAt":1796680426498},"logout":false,"identity":"server"}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7c75-76ca-879f-893d7de35421', 'user-04', 'signup', 'allow', '01a25276-7c6b-78bd-8b26-b9cb34d6d515', '175.16.199.1', 1796679826534, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679826534,"userId":"user-04","email":"user-04@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-04-0","device":{"id":"01a25276-7c6b-78bd-8b26-b9cb34d6d515","type":"mobile","isNew":true,"fingerprintId":"8ffd618245b85a8ff23e8b602ef074e1","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7c97-785f-a446-f7f9c76125e4', 'user-04', 'access', 'allow', '01a25276-7c6b-78bd-8b26-b9cb34d6d515', '2a02:cf40::1:2', 1796679826572, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826572,"userId":"user-04","email":"user-04@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-04-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7c6b-78bd-8b26-b9cb34d6d515","type":"mobile","isNew":false,"fingerprintId":"8ffd618245b85a8ff23e8b602ef074e1","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"HK","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7cb8-7751-a075-f30d89e1fa1f', 'user-04', 'access', 'allow', '01a25276-7c6b-78bd-8b26-b9cb34d6d515', '67.43.156.1', 1796679826604, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826604,"userId":"user-04","email":"user-04@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-04-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7c6b-78bd-8b26-b9cb34d6d515","type":"mobile","isNew":false,"fingerprintId":"8ffd618245b85a8ff23e8b602ef074e1","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7ccf-7bcb-b540-3cf37d57daa2', 'user-05', 'signup', 'allow', '01a25276-7ccb-72f7-b010-b5bb69f7bf37', '2a02:cf40::1:2', 1796679826634, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679826634,"userId":"user-05","email":"user-05@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-05-0","device":{"id":"01a25276-7ccb-72f7-b010-b5bb69f7bf37","type":"computer","isNew":true,"fingerprintId":"2ad6b48625776ac0fee7a2d6d787ac0c","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"HK","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7d3d-71fb-921f-90cdbcd61a8f', 'user-05', 'login', 'allow', '01a25276-7d38-7962-9c5f-41958b45dd84', '67.43.156.1', 1796679826743, NULL, '{"action":"login","verdict":"allow","createdAt":1796679826743,"userId":"user-05","email":"user-05@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-05-1","device":{"id":"01a25276-7d38-7962-9c5f-41958b45dd84","type":"mobile","isNew":true,"fingerprintId":"a359d7afb00dc8fe6d35c7896af7d67d","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7d53-7f0d-ac76-07394674428e', 'user-05', 'access', 'allow', '01a25276-7d38-7962-9c5f-41958b45dd84', '202.196.224.1', 1796679826764, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826764,"userId":"user-05","email":"user-05@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-05-1","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7d38-7962-9c5f-41958b45dd84","type":"mobile","isNew":false,"fingerprintId":"a359d7afb00dc8fe6d35c7896af7d67d","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7d71-7d31-ad75-ff4614365dea', 'user-06', 'signup', 'allow', '01a25276-7d6f-79c7-8e40-af3634ee49d0', '67.43.156.1', 1796679826791, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679826791,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-06-0","device":{"id":"01a25276-7d6f-79c7-8e40-af3634ee49d0","type":"mobile","isNew":true,"fingerprintId":"93f3517af884138bf675a8b3d895d9e6","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7d88-73d8-8c96-dc88f8b8a55b', 'user-06', 'access', 'allow', '01a25276-7d6f-79c7-8e40-af3634ee49d0', '202.196.224.1', 1796679826817, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826817,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-06-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7d6f-79c7-8e40-af3634ee49d0","type":"mobile","isNew":false,"fingerprintId":"93f3517af884138bf675a8b3d895d9e6","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7da1-733f-b572-c7c12aef77d2', 'user-06', 'access', 'allow', '01a25276-7d6f-79c7-8e40-af3634ee49d0', '81.2.69.160', 1796679826844, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826844,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-06-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7d6f-79c7-8e40-af3634ee49d0","type":"mobile","isNew":false,"fingerprintId":"93f3517af884138bf675a8b3d895d9e6","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7db1-7ef0-b941-81dab8191c5d', 'user-06', 'login', 'allow', '01a25276-7dad-743f-b142-72b3a8f126cc', '202.196.224.1', 1796679826860, NULL, '{"action":"login","verdict":"allow","createdAt":1796679826860,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-06-1","device":{"id":"01a25276-7dad-743f-b142-72b3a8f126cc","type":"tablet","isNew":true,"fingerprintId":"99f39132c47e7955bbf594969122cdd5","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7dbe-762c-8784-307af5e8e24a', 'user-06', 'access', 'allow', '01a25276-7dad-743f-b142-72b3a8f126cc', '81.2.69.160', 1796679826876, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826876,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-06-1","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7dad-743f-b142-72b3a8f126cc","type":"tablet","isNew":false,"fingerprintId":"99f39132c47e7955bbf594969122cdd5","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7dd0-7fcb-a581-f37de8bea2a9', 'user-06', 'login', 'allow', '01a25276-7dcb-7876-ba25-a936a6169a70', '81.2.69.160', 1796679826889, NULL, '{"action":"login","verdict":"allow","createdAt":1796679826889,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-06-2","device":{"id":"01a25276-7dcb-7876-ba25-a936a6169a70","type":"computer","isNew":true,"fingerprintId":"2992b8342b3f8962aa59bbcef9395e4f","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7de1-70bf-9923-6a5ab411d67b', 'user-06', 'access', 'challenge', '01a25276-7dcb-7876-ba25-a936a6169a70', '89.160.20.128', 1796679826910, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679826910,"redirect":"http://127.0.0.1:55693/challenge/ch_N4GcjXbO2PuyMWGsw8GExohD4wx47JJN","userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-06-2","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7dcb-7876-ba25-a936a6169a70","type":"computer","isNew":false,"fingerprintId":"2992b8342b3f8962aa59bbcef9395e4f","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":4,"ip_country":"SE","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 4 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"policy":{"id":"pol_pPKMPJ0cKYJoyhoY","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_N4GcjXbO2PuyMWGsw8GExohD4wx47JJN","type":"device_limit","status":"created","expiresAt":1796680426910},"logout":false,"identity":"server"}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7df6-7570-9e68-2df02449d853', 'user-07', 'signup', 'allow', '01a25276-7df1-7924-aef7-9df4424dcf94', '202.196.224.1', 1796679826928, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679826928,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-07-0","device":{"id":"01a25276-7df1-7924-aef7-9df4424dcf94","type":"tablet","isNew":true,"fingerprintId":"55fe363dcb42256db2bc33f713b3e7b1","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7e1c-7c86-9e2f-52223fde1a47', 'user-07', 'access', 'allow', '01a25276-7df1-7924-aef7-9df4424dcf94', '81.2.69.160', 1796679826968, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826968,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-07-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7df1-7924-aef7-9df4424dcf94","type":"tablet","isNew":false,"fingerprintId":"55fe363dcb42256db2bc33f713b3e7b1","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7e37-78a5-817c-1bdd6dfb3f26', 'user-07', 'access', 'allow', '01a25276-7df1-7924-aef7-9df4424dcf94', '89.160.20.128', 1796679826996, NULL, '{"action":"access","verdict":"allow","createdAt":1796679826996,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-07-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7df1-7924-aef7-9df4424dcf94","type":"tablet","isNew":false,"fingerprintId":"55fe363dcb42256db2bc33f713b3e7b1","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"SE","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7fc3-7a15-adec-9b420e4c2d54', 'user-10', 'access', 'allow', '01a25276-7f9c-79bc-b5c6-ceccb262542e', '175.16.199.1', 1796679827392, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827392,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-10-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7f9c-79bc-b5c6-ceccb262542e","type":"computer","isNew":false,"fingerprintId":"8d1cce9a559ff8ae0b41f54abdf1e2f0","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7e55-75d8-827d-9937156909f6', 'user-07', 'login', 'allow', '01a25276-7e4d-7121-8615-e85f503d00e7', '81.2.69.160', 1796679827020, NULL, '{"action":"login","verdict":"allow","createdAt":1796679827020,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-07-1","device":{"id":"01a25276-7e4d-7121-8615-e85f503d00e7","type":"computer","isNew":true,"fingerprintId":"00bda99ed115851cdb789e4826809877","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7e6e-76f0-a8c2-03d6856221d3', 'user-07', 'access', 'allow', '01a25276-7e4d-7121-8615-e85f503d00e7', '89.160.20.128', 1796679827046, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827046,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-07-1","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7e4d-7121-8615-e85f503d00e7","type":"computer","isNew":false,"fingerprintId":"00bda99ed115851cdb789e4826809877","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"SE","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7e7e-7fa4-a88a-58ba7c65f23e', 'user-07', 'login', 'allow', '01a25276-7e7b-7338-9697-cf441639b0c7', '89.160.20.128', 1796679827066, NULL, '{"action":"login","verdict":"allow","createdAt":1796679827066,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-07-2","device":{"id":"01a25276-7e7b-7338-9697-cf441639b0c7","type":"mobile","isNew":true,"fingerprintId":"e3c1591fec40a94f4628e34186d34b93","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"SE","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7e8e-7233-9e43-c0f8d6e1d659', 'user-07', 'access', 'challenge', '01a25276-7e7b-7338-9697-cf441639b0c7', '2.125.160.216', 1796679827081, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679827081,"redirect":"http://127.0.0.1:55693/challenge/ch_3oJFNizw0XPHSGjPkrvIjPZ6HmczSICl","userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-07-2","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7e7b-7338-9697-cf441639b0c7","type":"mobile","isNew":false,"fingerprintId":"e3c1591fec40a94f4628e34186d34b93","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":54,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"policy":{"id":"pol_pPKMPJ0cKYJoyhoY","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_3oJFNizw0XPHSGjPkrvIjPZ6HmczSICl","type":"device_limit","status":"created","expiresAt":1796680427081},"logout":false,"identity":"server"}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7ea5-718f-bb34-0ecdfba4f7e4', 'user-07', 'login', 'allow', '01a25276-7ea1-7a9d-846f-48ac8229d55a', '2.125.160.216', 1796679827104, NULL, '{"action":"login","verdict":"allow","createdAt":1796679827104,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-07-3","device":{"id":"01a25276-7ea1-7a9d-846f-48ac8229d55a","type":"computer","isNew":true,"fingerprintId":"6a1d623387248dcb65b212d46506bdee","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":true,"device_count":4,"computer_device_count":2,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":8,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"concurrent_sessions","points":40,"detail":"another session of the account is live on another network, same device type"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7eb6-730b-a107-70a1fa39b796', 'user-07', 'access', 'challenge', '01a25276-7ea1-7a9d-846f-48ac8229d55a', '216.160.83.56', 1796679827122, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679827122,"redirect":"http://127.0.0.1:55693/challenge/ch_a3y92aGrIG0B2wUE1AV1e90Ng1ZrpOAL","userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-07-3","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7ea1-7a9d-846f-48ac8229d55a","type":"computer","isNew":false,"fingerprintId":"6a1d623387248dcb65b212d46506bdee","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":true,"device_count":4,"computer_device_count":2,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":4,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":9,"has_high_velocity":false},"risk":{"score":75,"signals":[{"name":"concurrent_sessions","points":40,"detail":"another session of the account is live on another network, same device type"},{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 4 (at least 3)"}],"risks":[{"category":"account_sharing","score":74,"severity":"high"},{"category":"ato","score":49,"severity":"medium"}]},"policy":{"id":"pol_pPKMPJ0cKYJoyhoY","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":4.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_a3y92aGrIG0B2wUE1AV1e90Ng1ZrpOAL","type":"device_limit","status":"created","expiresAt":1796680427122},"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7ed1-7b7a-b4b5-5aacda847bfa', 'user-08', 'signup', 'allow', '01a25276-7eca-7a0e-8266-946cdb105b43', '81.2.69.160', 1796679827145, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679827145,"userId":"user-08","email":"user-08@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-08-0","device":{"id":"01a25276-7eca-7a0e-8266-946cdb105b43","type":"computer","isNew":true,"fingerprintId":"fecd28f75ac3fed24b45506cc5a3b34d","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7ee9-7875-b181-f2bcf6f4cff3', 'user-08', 'access', 'allow', '01a25276-7eca-7a0e-8266-946cdb105b43', '89.160.20.128', 1796679827173, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827173,"userId":"user-08","email":"user-08@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-08-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7eca-7a0e-8266-946cdb105b43","type":"computer","isNew":false,"fingerprintId":"fecd28f75ac3fed24b45506cc5a3b34d","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"SE","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f00-7521-bb8f-9bed0f57e25e', 'user-08', 'access', 'allow', '01a25276-7eca-7a0e-8266-946cdb105b43', '2.125.160.216', 1796679827197, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827197,"userId":"user-08","email":"user-08@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-08-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7eca-7a0e-8266-946cdb105b43","type":"computer","isNew":false,"fingerprintId":"fecd28f75ac3fed24b45506cc5a3b34d","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":false,"country_count_24h":2,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":43,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"}],"risks":[{"category":"account_sharing","score":40,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f32-7269-bb45-690a5f98629d', 'user-09', 'signup', 'allow', '01a25276-7f13-7693-8775-24fdd1b65a06', '89.160.20.128', 1796679827215, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679827215,"userId":"user-09","email":"user-09@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-09-0","device":{"id":"01a25276-7f13-7693-8775-24fdd1b65a06","type":"mobile","isNew":true,"fingerprintId":"d4652354ce2c1202ff1eb32eb43cd56a","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"SE","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f49-70ac-8a24-2a15d8f259ec', 'user-09', 'access', 'allow', '01a25276-7f13-7693-8775-24fdd1b65a06', '2.125.160.216', 1796679827270, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827270,"userId":"user-09","email":"user-09@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-09-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7f13-7693-8775-24fdd1b65a06","type":"mobile","isNew":false,"fingerprintId":"d4652354ce2c1202ff1eb32eb43cd56a","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f59-7834-bf20-d9f256fbc2fc', 'user-09', 'access', 'allow', '01a25276-7f13-7693-8775-24fdd1b65a06', '216.160.83.56', 1796679827286, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827286,"userId":"user-09","email":"user-09@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-09-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7f13-7693-8775-24fdd1b65a06","type":"mobile","isNew":false,"fingerprintId":"d4652354ce2c1202ff1eb32eb43cd56a","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f6a-78f4-8392-a97294ffaf43', 'user-09', 'login', 'allow', '01a25276-7f67-7a9c-832a-61554a3a75a0', '2.125.160.216', 1796679827301, NULL, '{"action":"login","verdict":"allow","createdAt":1796679827301,"userId":"user-09","email":"user-09@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-09-1","device":{"id":"01a25276-7f67-7a9c-832a-61554a3a75a0","type":"computer","isNew":true,"fingerprintId":"7b99ae57c933a3cc49bd822ea4b8a5c6","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7f85-72e6-8210-108cc4ebe5f0', 'user-09', 'access', 'allow', '01a25276-7f67-7a9c-832a-61554a3a75a0', '216.160.83.56', 1796679827323, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827323,"userId":"user-09","email":"user-09@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-09-1","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7f67-7a9c-832a-61554a3a75a0","type":"computer","isNew":false,"fingerprintId":"7b99ae57c933a3cc49bd822ea4b8a5c6","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7fa1-70c1-a8e0-19d67a4a4d79', 'user-10', 'signup', 'allow', '01a25276-7f9c-79bc-b5c6-ceccb262542e', '2.125.160.216', 1796679827354, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679827354,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-10-0","device":{"id":"01a25276-7f9c-79bc-b5c6-ceccb262542e","type":"computer","isNew":true,"fingerprintId":"8d1cce9a559ff8ae0b41f54abdf1e2f0","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"GB","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7fb5-7776-9901-400aa3789266', 'user-10', 'access', 'allow', '01a25276-7f9c-79bc-b5c6-ceccb262542e', '216.160.83.56', 1796679827378, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827378,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-10-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7f9c-79bc-b5c6-ceccb262542e","type":"computer","isNew":false,"fingerprintId":"8d1cce9a559ff8ae0b41f54abdf1e2f0","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7fde-7be7-b0f8-3ebfe8c9389c', 'user-10', 'login', 'allow', '01a25276-7fd9-761a-97b2-7a694d00ab3d', '216.160.83.56', 1796679827416, NULL, '{"action":"login","verdict":"allow","createdAt":1796679827416,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-10-1","device":{"id":"01a25276-7fd9-761a-97b2-7a694d00ab3d","type":"mobile","isNew":true,"fingerprintId":"770dd5e66ae4434f132469c7c185ba29","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7ff1-7c39-87d8-92f9339ab421', 'user-10', 'access', 'allow', '01a25276-7fd9-761a-97b2-7a694d00ab3d', '175.16.199.1', 1796679827437, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827437,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-10-1","returnTo":"https://shop.example/watch","device":{"id":"01a25276-7fd9-761a-97b2-7a694d00ab3d","type":"mobile","isNew":false,"fingerprintId":"770dd5e66ae4434f132469c7c185ba29","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8004-7635-8efc-1b6b29f444c6', 'user-10', 'login', 'allow', '01a25276-8000-7c6f-b8c6-673d43db4c35', '175.16.199.1', 1796679827455, NULL, '{"action":"login","verdict":"allow","createdAt":1796679827455,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-10-2","device":{"id":"01a25276-8000-7c6f-b8c6-673d43db4c35","type":"tablet","isNew":true,"fingerprintId":"0b3f334db1e524b1651e9f8592970278","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8020-7654-8b9b-e94aa6b3a835', 'user-10', 'access', 'challenge', '01a25276-8000-7c6f-b8c6-673d43db4c35', '2a02:cf40::1:2', 1796679827484, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679827484,"redirect":"http://127.0.0.1:55693/challenge/ch_hPcD9Nu0JyX3RWfft9GPjnjq6xIC5YWc","userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-10-2","returnTo":"https://shop.example/watch","device":{"id":"01a25276-8000-7c6f-b8c6-673d43db4c35","type":"tablet","isNew":false,"fingerprintId":"0b3f334db1e524b1651e9f8592970278","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":4,"ip_country":"HK","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 4 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"policy":{"id":"pol_pPKMPJ0cKYJoyhoY","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_hPcD9Nu0JyX3RWfft9GPjnjq6xIC5YWc","type":"device_limit","status":"created","expiresAt":1796680427484},"logout":false,"identity":"server"}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8032-7581-8bc2-f1567c2681d4', 'user-11', 'signup', 'allow', '01a25276-802f-78fa-adfd-4e31bed233c7', '216.160.83.56', 1796679827503, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679827503,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-11-0","device":{"id":"01a25276-802f-78fa-adfd-4e31bed233c7","type":"mobile","isNew":true,"fingerprintId":"bc252822c352a968f8a002b0106ccda0","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8046-74a6-8026-23140f0e7962', 'user-11', 'access', 'allow', '01a25276-802f-78fa-adfd-4e31bed233c7', '175.16.199.1', 1796679827520, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827520,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-11-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-802f-78fa-adfd-4e31bed233c7","type":"mobile","isNew":false,"fingerprintId":"bc252822c352a968f8a002b0106ccda0","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8060-74fc-91fb-9542d0c7300f', 'user-11', 'access', 'allow', '01a25276-802f-78fa-adfd-4e31bed233c7', '2a02:cf40::1:2', 1796679827542, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827542,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-11-0","returnTo":"https://shop.example/watch","device":{"id":"01a25276-802f-78fa-adfd-4e31bed233c7","type":"mobile","isNew":false,"fingerprintId":"bc252822c352a968f8a002b0106ccda0","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8075-75d0-a499-47ab923ef37e', 'user-11', 'login', 'allow', '01a25276-8070-733d-b2db-9be9fe6a761f', '175.16.199.1', 1796679827567, NULL, '{"action":"login","verdict":"allow","createdAt":1796679827567,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-11-1","device":{"id":"01a25276-8070-733d-b2db-9be9fe6a761f","type":"tablet","isNew":true,"fingerprintId":"41536558d9a4cab87ea380e19f15d290","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8085-72c8-94a0-8da22a0990a2', 'user-11', 'access', 'allow', '01a25276-8070-733d-b2db-9be9fe6a761f', '2a02:cf40::1:2', 1796679827585, NULL, '{"action":"access","verdict":"allow","createdAt":1796679827585,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-11-1","returnTo":"https://shop.example/watch","device":{"id":"01a25276-8070-733d-b2db-9be9fe6a761f","type":"tablet","isNew":false,"fingerprintId":"41536558d9a4cab87ea380e19f15d290","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8096-72c3-baeb-56b8691809d6', 'user-11', 'login', 'allow', '01a25276-8091-77f2-9a6d-f05021f6e124', '2a02:cf40::1:2', 1796679827600, NULL, '{"action":"login","verdict":"allow","createdAt":1796679827600,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-11-2","device":{"id":"01a25276-8091-77f2-9a6d-f05021f6e124","type":"computer","isNew":true,"fingerprintId":"291f3c79594f64b7549037590e3b3fc3","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-80b1-70fb-88ab-85239a5ea2d8', 'user-11', 'access', 'challenge', '01a25276-8091-77f2-9a6d-f05021f6e124', '67.43.156.1', 1796679827627, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679827627,"redirect":"http://127.0.0.1:55693/challenge/ch_seyYPLFPbSquaQjS2EGoq8yfdLRhC3WK","userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-11-2","returnTo":"https://shop.example/watch","device":{"id":"01a25276-8091-77f2-9a6d-f05021f6e124","type":"computer","isNew":false,"fingerprintId":"291f3c79594f64b7549037590e3b3fc3","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":54,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"policy":{"id":"pol_pPKMPJ0cKYJoyhoY","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_seyYPLFPbSquaQjS2EGoq8yfdLRhC3WK","type":"device_limit","status":"created","expiresAt":1796680427627},"logout":false,"identity":"server"}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-80c7-7f1d-b74b-7d21e42c55f3', 'user-11', 'login', 'allow', '01a25276-80bd-7db6-98ff-505e5a4b950c', '67.43.156.1', 1796679827645, NULL, '{"action":"login","verdict":"allow","createdAt":1796679827645,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-11-3","device":{"id":"01a25276-80bd-7db6-98ff-505e5a4b950c","type":"mobile","isNew":true,"fingerprintId":"3b9ee9bd7bf780c9c89116850031e4ac","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":4,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":2,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":8,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-80d7-7bdf-856f-386e67e9f8e4', 'user-11', 'access', 'challenge', '01a25276-80bd-7db6-98ff-505e5a4b950c', '202.196.224.1', 1796679827666, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679827666,"redirect":"http://127.0.0.1:55693/challenge/ch_5g95zOY5O5Qdt7LlovWYrHmdJdWfCW83","userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-11-3","returnTo":"https://shop.example/watch","device":{"id":"01a25276-80bd-7db6-98ff-505e5a4b950c","type":"mobile","isNew":false,"fingerprintId":"3b9ee9bd7bf780c9c89116850031e4ac","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":4,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":2,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":9,"has_high_velocity":false},"risk":{"score":54,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"policy":{"id":"pol_pPKMPJ0cKYJoyhoY","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":4.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_5g95zOY5O5Qdt7LlovWYrHmdJdWfCW83","type":"device_limit","status":"created","expiresAt":1796680427666},"logout":false,"identity":"server"}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-8124-7b45-bdda-da363fbfcbea', 'user-01', 'login', 'allow', '01a25276-769c-7143-83be-d68b13511e71', '127.0.0.1', 1796679827744, NULL, '{"action":"login","verdict":"allow","createdAt":1796679827744,"userId":"user-01","metadata":{},"device":{"id":"01a25276-769c-7143-83be-d68b13511e71","type":"mobile","isNew":false,"fingerprintId":"a032d5a72d3ffe8544ffc8b7ff09fcf2","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"127.0.0.1"},"flags":{"sources":{}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":null,"is_new_country":null,"country_count_24h":3,"ip_country":null,"ip_is_vpn":null,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":null,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":24,"signals":[{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":5,"severity":"low"}]},"policy":{"id":"pol_JwVPkmF8i4hcl161","name":"Watch new addresses","mode":"monitor","verdict":"deny","reasons":[{"field":"is_new_ip","op":"eq","value":true,"actual":true,"held":true}]},"monitoredPolicies":[{"id":"pol_JwVPkmF8i4hcl161","name":"Watch new addresses","mode":"monitor","verdict":"deny","reasons":[{"field":"is_new_ip","op":"eq","value":true,"actual":true,"held":true}]}],"logout":false,"identity":"unsigned"}', NULL, NULL, NULL, NULL, '127.0.0.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_3GnVszrXmXua9JGL', '01a25276-7722-78c0-adb1-bd8226af48a7', 'user-01', 'signup', 'allow', '01a25276-769c-7143-83be-d68b13511e71', '89.160.20.128', 1796679824823, 1796679827767, '{"action":"signup","verdict":"allow","createdAt":1796679824823,"userId":"user-01","email":"user-01@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-01-0","device":{"id":"01a25276-769c-7143-83be-d68b13511e71","type":"mobile","isNew":true,"fingerprintId":"a032d5a72d3ffe8544ffc8b7ff09fcf2","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"SE","ip_is_vpn":false,"ip_is_proxy":null,"ip_is_tor":null,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false,"identity":"server"}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.flyway_schema_history VALUES (1, '1', 'foundation', 'SQL', 'V1__foundation.sql', 1535615339, 'postgres', '2026-12-07 21:43:30.340691', 138, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (2, '2', 'device components', 'SQL', 'V2__device_components.sql', -939102201, 'postgres', '2026-12-07 21:43:30.576619', 15, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (3, '3', 'blocking keys', 'SQL', 'V3__blocking_keys.sql', -758029652, 'postgres', '2026-12-07 21:43:30.623872', 20, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (4, '4', 'network history', 'SQL', 'V4__network_history.sql', 973126510, 'postgres', '2026-12-07 21:43:30.659844', 8, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (5, '5', 'policies and lists', 'SQL', 'V5__policies_and_lists.sql', -578470612, 'postgres', '2026-12-07 21:43:30.687222', 14, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (6, '6', 'challenges', 'SQL', 'V6__challenges.sql', -608537600, 'postgres', '2026-12-07 21:43:30.718147', 18, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (7, '7', 'app branding', 'SQL', 'V7__app_branding.sql', 1538660320, 'postgres', '2026-12-07 21:43:30.75012', 2, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (8, '8', 'history search', 'SQL', 'V8__history_search.sql', -842145058, 'postgres', '2026-12-07 21:43:30.766746', 10, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (9, '9', 'account patterns', 'SQL', 'V9__account_patterns.sql', 1862753805, 'postgres', '2026-12-07 21:43:30.788354', 16, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (10, '10', 'webhooks', 'SQL', 'V10__webhooks.sql', -754453387, 'postgres', '2026-12-07 21:43:30.81637', 41, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (11, '11', 'operators', 'SQL', 'V11__operators.sql', 786759295, 'postgres', '2026-12-07 21:43:30.892832', 32, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (12, '12', 'challenge exits and overview', 'SQL', 'V12__challenge_exits_and_overview.sql', 623879753, 'postgres', '2026-12-07 21:43:30.940388', 6, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (13, '13', 'operator app scopes', 'SQL', 'V13__operator_app_scopes.sql', 19070171, 'postgres', '2026-12-07 21:43:30.964648', 4, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (14, '14', 'evaluation networks', 'SQL', 'V14__evaluation_networks.sql', 1807456667, 'postgres', '2026-12-07 21:43:30.984254', 9, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (15, '15', 'evaluation networks backfill', 'JDBC', 'db.migration.V15__evaluation_networks_backfill', NULL, 'postgres', '2026-12-07 21:43:31.014112', 7, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (16, '16', 'fewer evaluation indexes', 'SQL', 'V16__fewer_evaluation_indexes.sql', 1111772795, 'postgres', '2026-12-07 21:43:31.052459', 42, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (17, '17', 'token browser versions', 'SQL', 'V17__token_browser_versions.sql', 1398020060, 'postgres', '2026-12-07 21:43:31.11228', 2, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (18, '18', 'token device seen at join', 'SQL', 'V18__token_device_seen_at_join.sql', 893863512, 'postgres', '2026-12-07 21:43:31.136202', 5, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (19, '19', 'user countries', 'SQL', 'V19__user_countries.sql', 120002839, 'postgres', '2026-12-07 21:43:31.159252', 8, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (20, '20', 'device logout time', 'SQL', 'V20__device_logout_time.sql', 63342654, 'postgres', '2026-12-07 21:43:31.184155', 1, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (21, '21', 'owner notice recipients', 'SQL', 'V21__owner_notice_recipients.sql', 684622359, 'postgres', '2026-12-07 21:43:31.208358', 12, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (22, '22', 'pattern notified level', 'SQL', 'V22__pattern_notified_level.sql', -1962448911, 'postgres', '2026-12-07 21:43:31.234144', 3, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (23, '23', 'webhook retired secrets', 'SQL', 'V23__webhook_retired_secrets.sql', -1621931845, 'postgres', '2026-12-07 21:43:31.257008', 5, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (24, '24', 'owner notice recipients each', 'SQL', 'V24__owner_notice_recipients_each.sql', 644735392, 'postgres', '2026-12-07 21:43:31.280747', 14, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (25, '25', 'challenge code channel', 'SQL', 'V25__challenge_code_channel.sql', 1629690784, 'postgres', '2026-12-07 21:43:31.304972', 7, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (26, '26', 'signed identity', 'SQL', 'V26__signed_identity.sql', -1307414818, 'postgres', '2026-12-07 21:43:31.324392', 6, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (27, '27', 'webhook indexes', 'SQL', 'V27__webhook_indexes.sql', -585008967, 'postgres', '2026-12-07 21:43:31.338971', 9, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (28, '28', 'device and notice cleanup', 'SQL', 'V28__device_and_notice_cleanup.sql', -1504909953, 'postgres', '2026-12-07 21:43:31.364256', 6, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (29, '29', 'owner notice claims', 'SQL', 'V29__owner_notice_claims.sql', -652534284, 'postgres', '2026-12-07 21:43:31.38009', 5, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (30, '30', 'operator signin locks', 'SQL', 'V30__operator_signin_locks.sql', 1855565891, 'postgres', '2026-12-07 21:43:31.408441', 4, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (31, '31', 'previous secret keys', 'SQL', 'V31__previous_secret_keys.sql', -1392340931, 'postgres', '2026-12-07 21:43:31.428198', 5, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (32, '32', 'operator read only', 'SQL', 'V32__operator_read_only.sql', 1521190778, 'postgres', '2026-12-07 21:43:31.45009', 3, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (33, '33', 'operator two factor', 'SQL', 'V33__operator_two_factor.sql', 210887539, 'postgres', '2026-12-07 21:43:31.472007', 6, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (34, '34', 'operator recovery codes', 'SQL', 'V34__operator_recovery_codes.sql', -1917808061, 'postgres', '2026-12-07 21:43:31.492261', 4, true);


--
-- Data for Name: operator_failures; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: operator_recovery_codes; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: operator_sessions; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: operator_signin_locks; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: operators; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.operators VALUES ('op_8imsS9xxhozQkDrc', 'admin@seatguard.local', '$argon2id$v=19$m=19456,t=2,p=1$JEWZAic+crJVbICqjQnkrg$Ua6eAUvQWqfcXpGkpLJydvQ6H53JHYE7tA+2mFHoN0w', 1796679824064, NULL, 0, NULL, 0);


--
-- Data for Name: owner_notice_claims; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: owner_notice_recipients; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: owner_notices; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: policies; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.policies VALUES ('app_3GnVszrXmXua9JGL', 'pol_pPKMPJ0cKYJoyhoY', '{"name":"Three devices at most","enabled":true,"mode":"enforce","priority":100,"actions":["access"],"conditions":{"any":[{"check":"device_count","op":"gte","value":3}]},"verdict":"challenge","challenge":{"type":"device_limit","device_limit":2,"success_url":"https://shop.example/signup","logout_url":"https://shop.example/logged-out","expires_in_seconds":600}}', 1796679824647, 1796679824647);
INSERT INTO earlier_release_schema.policies VALUES ('app_3GnVszrXmXua9JGL', 'pol_JwVPkmF8i4hcl161', '{"name":"Watch new addresses","enabled":true,"mode":"monitor","priority":50,"actions":["login"],"conditions":{"all":[{"check":"is_new_ip","op":"eq","value":true}]},"verdict":"deny"}', 1796679824734, 1796679824734);


--
-- Data for Name: policy_versions; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.policy_versions VALUES ('app_3GnVszrXmXua9JGL', 3);


--
-- Data for Name: settings; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.settings VALUES ('challenge_code_key', 'fhXUFGNpkdizKmAdn8sL7B0DZLYhoxj2oU9UsT7LTvL');
INSERT INTO earlier_release_schema.settings VALUES ('demo_app_secret_key', 'sk_DcwTH4agGfm14Uss94NOIy6SnDfThyEciECiiEe9');
INSERT INTO earlier_release_schema.settings VALUES ('demo_app_id', 'app_rRHQen86waqq73mM');
INSERT INTO earlier_release_schema.settings VALUES ('demo_app_origins', 'http://localhost:55693 http://127.0.0.1:55693');
INSERT INTO earlier_release_schema.settings VALUES ('admin_token_hash', '38721d767c7d7733f6b1fe6c86ec509de00e1c9eb8829479d4d9af1b4e7171c2');


--
-- Data for Name: user_countries; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-01', 'SE', 1796679824823, 1796679824823);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-01', 'GB', 1796679825414, 1796679825414);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-01', 'US', 1796679825485, 1796679825485);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-02', 'GB', 1796679825703, 1796679825703);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-02', 'US', 1796679825752, 1796679825752);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-02', 'CN', 1796679825790, 1796679825790);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-02', 'HK', 1796679826004, 1796679826004);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-03', 'US', 1796679826088, 1796679826088);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-03', 'CN', 1796679826120, 1796679826120);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-03', 'HK', 1796679826172, 1796679826172);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-04', 'CN', 1796679826534, 1796679826534);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-04', 'HK', 1796679826572, 1796679826572);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-04', 'US', 1796679826604, 1796679826604);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-05', 'HK', 1796679826634, 1796679826634);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-05', 'US', 1796679826669, 1796679826669);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-05', 'CN', 1796679826720, 1796679826720);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-06', 'US', 1796679826791, 1796679826791);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-06', 'CN', 1796679826817, 1796679826817);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-06', 'GB', 1796679826844, 1796679826844);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-06', 'SE', 1796679826910, 1796679826910);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-07', 'CN', 1796679826928, 1796679826928);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-07', 'GB', 1796679826968, 1796679826968);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-07', 'SE', 1796679826996, 1796679826996);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-07', 'US', 1796679827122, 1796679827122);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-08', 'GB', 1796679827145, 1796679827145);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-08', 'SE', 1796679827173, 1796679827173);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-09', 'SE', 1796679827215, 1796679827215);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-09', 'GB', 1796679827270, 1796679827270);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-09', 'US', 1796679827286, 1796679827286);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-10', 'GB', 1796679827354, 1796679827354);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-10', 'US', 1796679827378, 1796679827378);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-10', 'CN', 1796679827392, 1796679827392);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-10', 'HK', 1796679827484, 1796679827484);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-11', 'US', 1796679827503, 1796679827503);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-11', 'CN', 1796679827520, 1796679827520);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_3GnVszrXmXua9JGL', 'user-11', 'HK', 1796679827542, 1796679827542);


--
-- Data for Name: user_devices; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-01', '01a25276-769c-7143-83be-d68b13511e71', 'attached', 1796679824823, 1796679824823, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-01', '01a25276-7893-7074-830a-2574da859bff', 'attached', 1796679825541, 1796679825541, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-02', '01a25276-7930-773c-87f6-d372b03232b2', 'attached', 1796679825703, 1796679825703, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-02', '01a25276-79b8-77a1-a2a5-268a0fe694df', 'attached', 1796679825829, 1796679825829, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-02', '01a25276-7a1f-7496-be9c-1e9f9caf42d8', 'attached', 1796679825929, 1796679825929, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '01a25276-7b3b-7a19-9fc6-2839831ab6a6', 'attached', 1796679826233, 1796679826233, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '01a25276-7be4-734f-a368-4bcb189db9dc', 'attached', 1796679826361, 1796679826361, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '01a25276-7c21-703f-8bef-cfd36553273f', 'attached', 1796679826464, 1796679826464, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-04', '01a25276-7c6b-78bd-8b26-b9cb34d6d515', 'attached', 1796679826534, 1796679826534, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-05', '01a25276-7ccb-72f7-b010-b5bb69f7bf37', 'attached', 1796679826634, 1796679826634, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-05', '01a25276-7d38-7962-9c5f-41958b45dd84', 'attached', 1796679826743, 1796679826743, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-06', '01a25276-7d6f-79c7-8e40-af3634ee49d0', 'attached', 1796679826791, 1796679826791, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-06', '01a25276-7dad-743f-b142-72b3a8f126cc', 'attached', 1796679826860, 1796679826860, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-06', '01a25276-7dcb-7876-ba25-a936a6169a70', 'attached', 1796679826889, 1796679826889, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '01a25276-7df1-7924-aef7-9df4424dcf94', 'attached', 1796679826928, 1796679826928, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '01a25276-7e4d-7121-8615-e85f503d00e7', 'attached', 1796679827020, 1796679827020, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '01a25276-7e7b-7338-9697-cf441639b0c7', 'attached', 1796679827066, 1796679827066, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '01a25276-7ea1-7a9d-846f-48ac8229d55a', 'attached', 1796679827104, 1796679827104, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-08', '01a25276-7eca-7a0e-8266-946cdb105b43', 'attached', 1796679827145, 1796679827145, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-09', '01a25276-7f13-7693-8775-24fdd1b65a06', 'attached', 1796679827215, 1796679827215, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-09', '01a25276-7f67-7a9c-832a-61554a3a75a0', 'attached', 1796679827301, 1796679827301, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-10', '01a25276-7f9c-79bc-b5c6-ceccb262542e', 'attached', 1796679827354, 1796679827354, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-10', '01a25276-7fd9-761a-97b2-7a694d00ab3d', 'attached', 1796679827416, 1796679827416, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-10', '01a25276-8000-7c6f-b8c6-673d43db4c35', 'attached', 1796679827455, 1796679827455, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '01a25276-802f-78fa-adfd-4e31bed233c7', 'attached', 1796679827503, 1796679827503, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '01a25276-8070-733d-b2db-9be9fe6a761f', 'attached', 1796679827567, 1796679827567, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '01a25276-8091-77f2-9a6d-f05021f6e124', 'attached', 1796679827600, 1796679827600, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '01a25276-80bd-7db6-98ff-505e5a4b950c', 'attached', 1796679827645, 1796679827645, NULL);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '01a25276-7aaa-7ecd-96fe-0458f8f8f12e', 'detached', 1796679826088, 1796679826088, 1796679827940);


--
-- Data for Name: user_fingerprints; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-01', 'a032d5a72d3ffe8544ffc8b7ff09fcf2', 1796679824823, 1796679824823);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-01', 'c7f7e149f52217254072d831fd740d26', 1796679825541, 1796679825541);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-02', '52213b257691fef6685c5c8a3a25ec6f', 1796679825703, 1796679825703);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-02', '2565ce25c6fae32578eaa94dbcfe1e23', 1796679825829, 1796679825829);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-02', 'f7043489780687d4cd9f3a231aa9a995', 1796679825929, 1796679825929);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '62982406d2e82beb1b73573bdda2abb8', 1796679826088, 1796679826088);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '27f9c630c54a88be0451119b1dbb474d', 1796679826233, 1796679826233);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '6b3df1192587aabc7d9be36e97361dc0', 1796679826361, 1796679826361);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-03', 'f8feb9888274bccf3de11312712352bd', 1796679826464, 1796679826464);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-04', '8ffd618245b85a8ff23e8b602ef074e1', 1796679826534, 1796679826534);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-05', '2ad6b48625776ac0fee7a2d6d787ac0c', 1796679826634, 1796679826634);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-05', 'a359d7afb00dc8fe6d35c7896af7d67d', 1796679826743, 1796679826743);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-06', '93f3517af884138bf675a8b3d895d9e6', 1796679826791, 1796679826791);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-06', '99f39132c47e7955bbf594969122cdd5', 1796679826860, 1796679826860);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-06', '2992b8342b3f8962aa59bbcef9395e4f', 1796679826889, 1796679826889);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '55fe363dcb42256db2bc33f713b3e7b1', 1796679826928, 1796679826928);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '00bda99ed115851cdb789e4826809877', 1796679827020, 1796679827020);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-07', 'e3c1591fec40a94f4628e34186d34b93', 1796679827066, 1796679827066);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '6a1d623387248dcb65b212d46506bdee', 1796679827104, 1796679827104);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-08', 'fecd28f75ac3fed24b45506cc5a3b34d', 1796679827145, 1796679827145);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-09', 'd4652354ce2c1202ff1eb32eb43cd56a', 1796679827215, 1796679827215);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-09', '7b99ae57c933a3cc49bd822ea4b8a5c6', 1796679827301, 1796679827301);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-10', '8d1cce9a559ff8ae0b41f54abdf1e2f0', 1796679827354, 1796679827354);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-10', '770dd5e66ae4434f132469c7c185ba29', 1796679827416, 1796679827416);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-10', '0b3f334db1e524b1651e9f8592970278', 1796679827455, 1796679827455);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-11', 'bc252822c352a968f8a002b0106ccda0', 1796679827503, 1796679827503);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '41536558d9a4cab87ea380e19f15d290', 1796679827567, 1796679827567);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '291f3c79594f64b7549037590e3b3fc3', 1796679827600, 1796679827600);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '3b9ee9bd7bf780c9c89116850031e4ac', 1796679827645, 1796679827645);


--
-- Data for Name: user_ips; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-01', '89.160.20.128', 1796679824823, 1796679824823);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-01', '2.125.160.216', 1796679825414, 1796679825414);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-01', '216.160.83.56', 1796679825485, 1796679825485);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-02', '2.125.160.216', 1796679825703, 1796679825703);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-02', '216.160.83.56', 1796679825752, 1796679825752);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-02', '175.16.199.1', 1796679825790, 1796679825790);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-02', '2a02:cf40::1:2', 1796679826004, 1796679826004);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '216.160.83.56', 1796679826088, 1796679826088);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '175.16.199.1', 1796679826120, 1796679826120);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '2a02:cf40::1:2', 1796679826172, 1796679826172);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '67.43.156.1', 1796679826441, 1796679826441);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-03', '202.196.224.1', 1796679826498, 1796679826498);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-04', '175.16.199.1', 1796679826534, 1796679826534);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-04', '2a02:cf40::1:2', 1796679826572, 1796679826572);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-04', '67.43.156.1', 1796679826604, 1796679826604);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-05', '2a02:cf40::1:2', 1796679826634, 1796679826634);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-05', '67.43.156.1', 1796679826669, 1796679826669);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-05', '202.196.224.1', 1796679826720, 1796679826720);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-06', '67.43.156.1', 1796679826791, 1796679826791);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-06', '202.196.224.1', 1796679826817, 1796679826817);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-06', '81.2.69.160', 1796679826844, 1796679826844);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-06', '89.160.20.128', 1796679826910, 1796679826910);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '202.196.224.1', 1796679826928, 1796679826928);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '81.2.69.160', 1796679826968, 1796679826968);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '89.160.20.128', 1796679826996, 1796679826996);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '2.125.160.216', 1796679827081, 1796679827081);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-07', '216.160.83.56', 1796679827122, 1796679827122);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-08', '81.2.69.160', 1796679827145, 1796679827145);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-08', '89.160.20.128', 1796679827173, 1796679827173);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-08', '2.125.160.216', 1796679827197, 1796679827197);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-09', '89.160.20.128', 1796679827215, 1796679827215);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-09', '2.125.160.216', 1796679827270, 1796679827270);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-09', '216.160.83.56', 1796679827286, 1796679827286);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-10', '2.125.160.216', 1796679827354, 1796679827354);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-10', '216.160.83.56', 1796679827378, 1796679827378);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-10', '175.16.199.1', 1796679827392, 1796679827392);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-10', '2a02:cf40::1:2', 1796679827484, 1796679827484);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '216.160.83.56', 1796679827503, 1796679827503);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '175.16.199.1', 1796679827520, 1796679827520);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '2a02:cf40::1:2', 1796679827542, 1796679827542);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '67.43.156.1', 1796679827627, 1796679827627);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-11', '202.196.224.1', 1796679827666, 1796679827666);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_3GnVszrXmXua9JGL', 'user-01', '127.0.0.1', 1796679827744, 1796679827744);


--
-- Data for Name: users; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-01', 1796679824823, 1796679824823);
INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-02', 1796679825703, 1796679825703);
INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-03', 1796679826088, 1796679826088);
INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-04', 1796679826534, 1796679826534);
INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-05', 1796679826634, 1796679826634);
INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-06', 1796679826791, 1796679826791);
INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-07', 1796679826928, 1796679826928);
INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-08', 1796679827145, 1796679827145);
INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-09', 1796679827215, 1796679827215);
INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-10', 1796679827354, 1796679827354);
INSERT INTO earlier_release_schema.users VALUES ('app_3GnVszrXmXua9JGL', 'user-11', 1796679827503, 1796679827503);


--
-- Data for Name: value_list_entries; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.value_list_entries VALUES ('app_3GnVszrXmXua9JGL', 'lst_saJiy3elKJCPISnI', '81.2.69.0/24', 0);
INSERT INTO earlier_release_schema.value_list_entries VALUES ('app_3GnVszrXmXua9JGL', 'lst_saJiy3elKJCPISnI', '2a02:cf40::/32', 1);


--
-- Data for Name: value_lists; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.value_lists VALUES ('app_3GnVszrXmXua9JGL', 'lst_saJiy3elKJCPISnI', 'office', 'ip', 1796679824562, 1796679824562);


--
-- Data for Name: webhook_attempts; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.webhook_attempts VALUES ('app_3GnVszrXmXua9JGL', 'msg_5066cad51cfe160584a0789b', 'wh_aB0EPG6KFy7lmLQr', 1, 1796679826256, NULL, 'HttpConnectTimeoutException: HTTP connect timed out', 5144);
INSERT INTO earlier_release_schema.webhook_attempts VALUES ('app_3GnVszrXmXua9JGL', 'msg_59045428ba6ff17a18b1d085', 'wh_aB0EPG6KFy7lmLQr', 1, 1796679826335, NULL, 'HttpConnectTimeoutException: HTTP connect timed out', 5061);
INSERT INTO earlier_release_schema.webhook_attempts VALUES ('app_3GnVszrXmXua9JGL', 'msg_fc51341720e7fb2e494ed0da', 'wh_aB0EPG6KFy7lmLQr', 1, 1796679826327, NULL, 'HttpConnectTimeoutException: HTTP connect timed out', 5075);
INSERT INTO earlier_release_schema.webhook_attempts VALUES ('app_3GnVszrXmXua9JGL', 'msg_03a0eb4982c3a5f2f5e68afb', 'wh_aB0EPG6KFy7lmLQr', 1, 1796679826255, NULL, 'HttpConnectTimeoutException: HTTP connect timed out', 5152);
INSERT INTO earlier_release_schema.webhook_attempts VALUES ('app_3GnVszrXmXua9JGL', 'msg_78ee9b121713612421b61b2c', 'wh_aB0EPG6KFy7lmLQr', 1, 1796679842243, NULL, 'ConnectException: No route to host', 3928);
INSERT INTO earlier_release_schema.webhook_attempts VALUES ('app_3GnVszrXmXua9JGL', 'msg_6f3f10081f11448e48e99a8a', 'wh_aB0EPG6KFy7lmLQr', 1, 1796679842239, NULL, 'ConnectException: No route to host', 3933);
INSERT INTO earlier_release_schema.webhook_attempts VALUES ('app_3GnVszrXmXua9JGL', 'msg_ccf734d0c8965d15534d5373', 'wh_aB0EPG6KFy7lmLQr', 1, 1796679842189, NULL, 'ConnectException: No route to host', 3994);
INSERT INTO earlier_release_schema.webhook_attempts VALUES ('app_3GnVszrXmXua9JGL', 'msg_91307dee1ee5ad8ae0985f1a', 'wh_aB0EPG6KFy7lmLQr', 1, 1796679842189, NULL, 'ConnectException: No route to host', 3994);


--
-- Data for Name: webhook_deliveries; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_ca6d3283793c8e0427f3d328', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679825829, NULL, NULL, NULL, NULL, NULL, 1796679825829);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_4ad9f450e189da1b4f232009', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679825894, NULL, NULL, NULL, NULL, NULL, 1796679825894);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_221d555e06a6011f1f0343c0', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679825929, NULL, NULL, NULL, NULL, NULL, 1796679825929);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_24d63cf318dfdef57e2adad1', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826004, NULL, NULL, NULL, NULL, NULL, 1796679826004);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_c023042150adb8b0034278b1', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826088, NULL, NULL, NULL, NULL, NULL, 1796679826088);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_e65f8cb7fbfb817fa3e91b7f', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826120, NULL, NULL, NULL, NULL, NULL, 1796679826120);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_5635b50f0c59c4d3cbe5860e', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826172, NULL, NULL, NULL, NULL, NULL, 1796679826172);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_ec44b168a74a33a0f60aa24a', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826233, NULL, NULL, NULL, NULL, NULL, 1796679826233);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_009c964968274c8223097511', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826297, NULL, NULL, NULL, NULL, NULL, 1796679826297);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_703a3da2f5ca26570281b24b', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826361, NULL, NULL, NULL, NULL, NULL, 1796679826361);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_485d7cca00c8be6ba6b481d1', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826441, NULL, NULL, NULL, NULL, NULL, 1796679826441);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_3f87ab0fd3f5361cb436abbc', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826464, NULL, NULL, NULL, NULL, NULL, 1796679826464);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_e9543509a904d16024c8100c', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826498, NULL, NULL, NULL, NULL, NULL, 1796679826498);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_dd9eccd70fc5c0ad6b23e8a7', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826534, NULL, NULL, NULL, NULL, NULL, 1796679826534);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_24664e3d86f824dacee856a7', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826572, NULL, NULL, NULL, NULL, NULL, 1796679826572);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_8de335cbd640c6912aa689dc', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826604, NULL, NULL, NULL, NULL, NULL, 1796679826604);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_7fc319830f6663c734cdf63d', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826634, NULL, NULL, NULL, NULL, NULL, 1796679826634);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_34db4acf3f11ffe2557594e3', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826669, NULL, NULL, NULL, NULL, NULL, 1796679826669);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_54995e38ca1d16769d1ff6b8', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826720, NULL, NULL, NULL, NULL, NULL, 1796679826720);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_d49881240df36b599632fd2f', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826743, NULL, NULL, NULL, NULL, NULL, 1796679826743);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_85c2eb88aff0735714fa4960', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826764, NULL, NULL, NULL, NULL, NULL, 1796679826764);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_330a2a36519b73f1d739e067', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826791, NULL, NULL, NULL, NULL, NULL, 1796679826791);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_2980f3368cfd0a09a110e368', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826817, NULL, NULL, NULL, NULL, NULL, 1796679826817);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_21eac83f859facdcb6c80a2c', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826844, NULL, NULL, NULL, NULL, NULL, 1796679826844);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_c6d2cefc90d3276b7c7abae3', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826860, NULL, NULL, NULL, NULL, NULL, 1796679826860);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_24763247c8ae616ee750d072', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826876, NULL, NULL, NULL, NULL, NULL, 1796679826876);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_97d0bf85b4211b1e9f7b897a', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826889, NULL, NULL, NULL, NULL, NULL, 1796679826889);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_31ecb731fa0dcaa7857cb43c', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826910, NULL, NULL, NULL, NULL, NULL, 1796679826910);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_fd31a7bb9a786808b546abe7', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826928, NULL, NULL, NULL, NULL, NULL, 1796679826928);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_d23199f23ee4a61eda11f743', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826968, NULL, NULL, NULL, NULL, NULL, 1796679826968);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_0fb5342659fe88b3db2dc8a6', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679826996, NULL, NULL, NULL, NULL, NULL, 1796679826996);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_3aaacf049e3b4c20cef12e59', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827020, NULL, NULL, NULL, NULL, NULL, 1796679827020);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_c0e9403521426d75ecd51be5', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827046, NULL, NULL, NULL, NULL, NULL, 1796679827046);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_92ac3bffe6ce29e45d60f923', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827066, NULL, NULL, NULL, NULL, NULL, 1796679827066);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_10928ff56dd95af216c3d02e', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827081, NULL, NULL, NULL, NULL, NULL, 1796679827081);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_0fb6df4138f822f1ace8702d', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827104, NULL, NULL, NULL, NULL, NULL, 1796679827104);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_79a1ccc2da34662de9fade79', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827122, NULL, NULL, NULL, NULL, NULL, 1796679827122);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_e788686a7a6fc2968f85d4ae', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827145, NULL, NULL, NULL, NULL, NULL, 1796679827145);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_af795ca2235c0bb5a7f24c1e', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827173, NULL, NULL, NULL, NULL, NULL, 1796679827173);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_659f6e379019787df953efb1', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827197, NULL, NULL, NULL, NULL, NULL, 1796679827197);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_896d46407abc67a0d2b43e96', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827215, NULL, NULL, NULL, NULL, NULL, 1796679827215);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_0201d2f8e9b745e0ddcaf1b3', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827270, NULL, NULL, NULL, NULL, NULL, 1796679827270);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_69063d695419fa5395223a69', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827286, NULL, NULL, NULL, NULL, NULL, 1796679827286);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_6c849385c35b4731846d6353', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827301, NULL, NULL, NULL, NULL, NULL, 1796679827301);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_38d4a4a53988cfed71a1a34e', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827323, NULL, NULL, NULL, NULL, NULL, 1796679827323);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_010afd6e81733f0aa8a6a287', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827354, NULL, NULL, NULL, NULL, NULL, 1796679827354);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_e8e8c00d5e38850ce03c9c33', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827378, NULL, NULL, NULL, NULL, NULL, 1796679827378);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_8155b54301ce2dfdf81d3f76', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827392, NULL, NULL, NULL, NULL, NULL, 1796679827392);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_78ee9b121713612421b61b2c', 'wh_aB0EPG6KFy7lmLQr', 'pending', 1, 1796679847243, NULL, NULL, NULL, 'ConnectException: No route to host', 1796679842243, 1796679825648);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_6f3f10081f11448e48e99a8a', 'wh_aB0EPG6KFy7lmLQr', 'pending', 1, 1796679847239, NULL, NULL, NULL, 'ConnectException: No route to host', 1796679842239, 1796679825752);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_ccf734d0c8965d15534d5373', 'wh_aB0EPG6KFy7lmLQr', 'pending', 1, 1796679847189, NULL, NULL, NULL, 'ConnectException: No route to host', 1796679842189, 1796679825703);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_91307dee1ee5ad8ae0985f1a', 'wh_aB0EPG6KFy7lmLQr', 'pending', 1, 1796679847189, NULL, NULL, NULL, 'ConnectException: No route to host', 1796679842189, 1796679825790);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_72f6d5d602e8a102812d3efd', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827416, NULL, NULL, NULL, NULL, NULL, 1796679827416);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_a47c2db6520fe9fb027a6a7a', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827437, NULL, NULL, NULL, NULL, NULL, 1796679827437);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_2bbf675b241752dc5f7f1ac4', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827455, NULL, NULL, NULL, NULL, NULL, 1796679827455);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_b83997cd7dd61c9eab656f45', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827484, NULL, NULL, NULL, NULL, NULL, 1796679827484);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_d152512da92e11f1d15d7c5b', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827503, NULL, NULL, NULL, NULL, NULL, 1796679827503);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_2889c459ce866ee008c33b6f', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827520, NULL, NULL, NULL, NULL, NULL, 1796679827520);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_2743d4554693da85297c4f59', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827542, NULL, NULL, NULL, NULL, NULL, 1796679827542);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_468bf5c0061eb0798510d631', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827567, NULL, NULL, NULL, NULL, NULL, 1796679827567);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_c9a61f36282f19001f3d2571', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827585, NULL, NULL, NULL, NULL, NULL, 1796679827585);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_75a83355373aeccec4d9499a', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827600, NULL, NULL, NULL, NULL, NULL, 1796679827600);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_693dc241e220115ef914a105', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827627, NULL, NULL, NULL, NULL, NULL, 1796679827627);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_88254d77524b25df2cdc1d4c', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827645, NULL, NULL, NULL, NULL, NULL, 1796679827645);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_fa3db143ebeae49d9d60b32c', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827666, NULL, NULL, NULL, NULL, NULL, 1796679827666);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_86de258b047b2547f3743a4b', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827744, NULL, NULL, NULL, NULL, NULL, 1796679827744);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_c584617d35503dc1c0b36847', 'wh_aB0EPG6KFy7lmLQr', 'pending', 0, 1796679827940, NULL, NULL, NULL, NULL, NULL, 1796679827940);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_5066cad51cfe160584a0789b', 'wh_aB0EPG6KFy7lmLQr', 'pending', 1, 1796679831256, NULL, NULL, NULL, 'HttpConnectTimeoutException: HTTP connect timed out', 1796679826256, 1796679825541);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_59045428ba6ff17a18b1d085', 'wh_aB0EPG6KFy7lmLQr', 'pending', 1, 1796679831335, NULL, NULL, NULL, 'HttpConnectTimeoutException: HTTP connect timed out', 1796679826335, 1796679824823);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_fc51341720e7fb2e494ed0da', 'wh_aB0EPG6KFy7lmLQr', 'pending', 1, 1796679831327, NULL, NULL, NULL, 'HttpConnectTimeoutException: HTTP connect timed out', 1796679826327, 1796679825485);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_3GnVszrXmXua9JGL', 'msg_03a0eb4982c3a5f2f5e68afb', 'wh_aB0EPG6KFy7lmLQr', 'pending', 1, 1796679831255, NULL, NULL, NULL, 'HttpConnectTimeoutException: HTTP connect timed out', 1796679826255, 1796679825414);


--
-- Data for Name: webhook_endpoints; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.webhook_endpoints VALUES ('app_3GnVszrXmXua9JGL', 'wh_aB0EPG6KFy7lmLQr', 'https://[2001:20::1]/seatguard', ',evaluation.created,device.detached,', 'whsec_+3PNDHfj1q1J+mT7Km6Uc7werSNup68n', 1796679824766, NULL);


--
-- Data for Name: webhook_messages; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_59045428ba6ff17a18b1d085', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:44.823016069Z","data":{"evaluation_id":"01a25276-7722-78c0-adb1-bd8226af48a7","action":"signup","verdict":"allow","user":"user-01","device_id":"01a25276-769c-7143-83be-d68b13511e71","ip":"89.160.20.128","risk_score":0}}', 1796679824823);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_03a0eb4982c3a5f2f5e68afb', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:45.414658869Z","data":{"evaluation_id":"01a25276-7828-76ca-a575-667ea7df1b78","action":"access","verdict":"allow","user":"user-01","device_id":"01a25276-769c-7143-83be-d68b13511e71","ip":"2.125.160.216","risk_score":49}}', 1796679825414);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_fc51341720e7fb2e494ed0da', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:45.485466697Z","data":{"evaluation_id":"01a25276-7865-7db8-a56e-dbf90e1a052e","action":"access","verdict":"allow","user":"user-01","device_id":"01a25276-769c-7143-83be-d68b13511e71","ip":"216.160.83.56","risk_score":59}}', 1796679825485);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_5066cad51cfe160584a0789b', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:45.541690661Z","data":{"evaluation_id":"01a25276-78a5-7908-b700-b2c74e745115","action":"login","verdict":"allow","user":"user-01","device_id":"01a25276-7893-7074-830a-2574da859bff","ip":"2.125.160.216","risk_score":57}}', 1796679825541);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_78ee9b121713612421b61b2c', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:45.648808536Z","data":{"evaluation_id":"01a25276-7901-7e23-a2e7-04e8c43c1ec6","action":"access","verdict":"allow","user":"user-01","device_id":"01a25276-7893-7074-830a-2574da859bff","ip":"216.160.83.56","risk_score":52}}', 1796679825648);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_ccf734d0c8965d15534d5373', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:45.703766776Z","data":{"evaluation_id":"01a25276-793d-7222-812e-b8569ed8037f","action":"signup","verdict":"allow","user":"user-02","device_id":"01a25276-7930-773c-87f6-d372b03232b2","ip":"2.125.160.216","risk_score":0}}', 1796679825703);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_6f3f10081f11448e48e99a8a', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:45.752409329Z","data":{"evaluation_id":"01a25276-795e-76fa-8849-1d71929c9ddf","action":"access","verdict":"allow","user":"user-02","device_id":"01a25276-7930-773c-87f6-d372b03232b2","ip":"216.160.83.56","risk_score":49}}', 1796679825752);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_91307dee1ee5ad8ae0985f1a', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:45.790911894Z","data":{"evaluation_id":"01a25276-7990-7d39-ae9a-c5b47005af0c","action":"access","verdict":"allow","user":"user-02","device_id":"01a25276-7930-773c-87f6-d372b03232b2","ip":"175.16.199.1","risk_score":59}}', 1796679825790);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_ca6d3283793c8e0427f3d328', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:45.829008090Z","data":{"evaluation_id":"01a25276-79c2-7bb9-af5d-be01783277a0","action":"login","verdict":"allow","user":"user-02","device_id":"01a25276-79b8-77a1-a2a5-268a0fe694df","ip":"216.160.83.56","risk_score":57}}', 1796679825829);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_4ad9f450e189da1b4f232009', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:45.894898718Z","data":{"evaluation_id":"01a25276-79f6-7b00-983c-8e8b82c83a9b","action":"access","verdict":"allow","user":"user-02","device_id":"01a25276-79b8-77a1-a2a5-268a0fe694df","ip":"175.16.199.1","risk_score":52}}', 1796679825894);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_221d555e06a6011f1f0343c0', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:45.929540961Z","data":{"evaluation_id":"01a25276-7a31-7d89-bae2-ef753c0ebd37","action":"login","verdict":"allow","user":"user-02","device_id":"01a25276-7a1f-7496-be9c-1e9f9caf42d8","ip":"175.16.199.1","risk_score":28}}', 1796679825929);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_24d63cf318dfdef57e2adad1', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.004420030Z","data":{"evaluation_id":"01a25276-7a60-7cc7-863e-88320268b6de","action":"access","verdict":"challenge","user":"user-02","device_id":"01a25276-7a1f-7496-be9c-1e9f9caf42d8","ip":"2a02:cf40::1:2","risk_score":59,"policy_id":"pol_pPKMPJ0cKYJoyhoY","challenge_id":"ch_I76FRCPgO7T4b0oskHBOCzYQi42QsIVk"}}', 1796679826004);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_c023042150adb8b0034278b1', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.088456438Z","data":{"evaluation_id":"01a25276-7ab1-7c4d-ad60-7c5eca840d29","action":"signup","verdict":"allow","user":"user-03","device_id":"01a25276-7aaa-7ecd-96fe-0458f8f8f12e","ip":"216.160.83.56","risk_score":0}}', 1796679826088);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_e65f8cb7fbfb817fa3e91b7f', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.120952853Z","data":{"evaluation_id":"01a25276-7acd-7ea6-baae-a47ac59d8382","action":"access","verdict":"allow","user":"user-03","device_id":"01a25276-7aaa-7ecd-96fe-0458f8f8f12e","ip":"175.16.199.1","risk_score":49}}', 1796679826120);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_5635b50f0c59c4d3cbe5860e', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.172515721Z","data":{"evaluation_id":"01a25276-7b03-7717-81fd-93941fc0ac8f","action":"access","verdict":"allow","user":"user-03","device_id":"01a25276-7aaa-7ecd-96fe-0458f8f8f12e","ip":"2a02:cf40::1:2","risk_score":59}}', 1796679826172);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_ec44b168a74a33a0f60aa24a', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.233716888Z","data":{"evaluation_id":"01a25276-7b50-7ef6-9fdb-32f318455a2d","action":"login","verdict":"allow","user":"user-03","device_id":"01a25276-7b3b-7a19-9fc6-2839831ab6a6","ip":"175.16.199.1","risk_score":57}}', 1796679826233);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_009c964968274c8223097511', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.297352421Z","data":{"evaluation_id":"01a25276-7b8f-765a-962f-64818c519d07","action":"access","verdict":"allow","user":"user-03","device_id":"01a25276-7b3b-7a19-9fc6-2839831ab6a6","ip":"2a02:cf40::1:2","risk_score":52}}', 1796679826297);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_703a3da2f5ca26570281b24b', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.361272080Z","data":{"evaluation_id":"01a25276-7bf3-7a6b-83dc-ec212ca304eb","action":"login","verdict":"allow","user":"user-03","device_id":"01a25276-7be4-734f-a368-4bcb189db9dc","ip":"2a02:cf40::1:2","risk_score":28}}', 1796679826361);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_485d7cca00c8be6ba6b481d1', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.441138943Z","data":{"evaluation_id":"01a25276-7c0e-74fb-989f-84cdbd777b99","action":"access","verdict":"challenge","user":"user-03","device_id":"01a25276-7be4-734f-a368-4bcb189db9dc","ip":"67.43.156.1","risk_score":54,"policy_id":"pol_pPKMPJ0cKYJoyhoY","challenge_id":"ch_X1OiggutkHGHDRQWQ3tLXMuj4A8QOxhn"}}', 1796679826441);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_3f87ab0fd3f5361cb436abbc', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.464559842Z","data":{"evaluation_id":"01a25276-7c28-7f33-a0ce-8c1d0b5d095e","action":"login","verdict":"allow","user":"user-03","device_id":"01a25276-7c21-703f-8bef-cfd36553273f","ip":"67.43.156.1","risk_score":28}}', 1796679826464);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_e9543509a904d16024c8100c', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.498180653Z","data":{"evaluation_id":"01a25276-7c48-780c-967c-9c1ef8e5e236","action":"access","verdict":"challenge","user":"user-03","device_id":"01a25276-7c21-703f-8bef-cfd36553273f","ip":"202.196.224.1","risk_score":54,"policy_id":"pol_pPKMPJ0cKYJoyhoY","challenge_id":"ch_I7u5ATUgqaPoccbOAI4W0g4zfaEtXlJk"}}', 1796679826498);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_dd9eccd70fc5c0ad6b23e8a7', 'evaluation.created', 'user-04', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.534096615Z","data":{"evaluation_id":"01a25276-7c75-76ca-879f-893d7de35421","action":"signup","verdict":"allow","user":"user-04","device_id":"01a25276-7c6b-78bd-8b26-b9cb34d6d515","ip":"175.16.199.1","risk_score":0}}', 1796679826534);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_24664e3d86f824dacee856a7', 'evaluation.created', 'user-04', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.572767609Z","data":{"evaluation_id":"01a25276-7c97-785f-a446-f7f9c76125e4","action":"access","verdict":"allow","user":"user-04","device_id":"01a25276-7c6b-78bd-8b26-b9cb34d6d515","ip":"2a02:cf40::1:2","risk_score":49}}', 1796679826572);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_8de335cbd640c6912aa689dc', 'evaluation.created', 'user-04', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.604722639Z","data":{"evaluation_id":"01a25276-7cb8-7751-a075-f30d89e1fa1f","action":"access","verdict":"allow","user":"user-04","device_id":"01a25276-7c6b-78bd-8b26-b9cb34d6d515","ip":"67.43.156.1","risk_score":59}}', 1796679826604);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_7fc319830f6663c734cdf63d', 'evaluation.created', 'user-05', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.634881843Z","data":{"evaluation_id":"01a25276-7ccf-7bcb-b540-3cf37d57daa2","action":"signup","verdict":"allow","user":"user-05","device_id":"01a25276-7ccb-72f7-b010-b5bb69f7bf37","ip":"2a02:cf40::1:2","risk_score":0}}', 1796679826634);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_34db4acf3f11ffe2557594e3', 'evaluation.created', 'user-05', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.669771625Z","data":{"evaluation_id":"01a25276-7cf4-783c-b797-05bb87324981","action":"access","verdict":"allow","user":"user-05","device_id":"01a25276-7ccb-72f7-b010-b5bb69f7bf37","ip":"67.43.156.1","risk_score":49}}', 1796679826669);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_54995e38ca1d16769d1ff6b8', 'evaluation.created', 'user-05', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.720542283Z","data":{"evaluation_id":"01a25276-7d25-76ca-af70-85f851b4391a","action":"access","verdict":"allow","user":"user-05","device_id":"01a25276-7ccb-72f7-b010-b5bb69f7bf37","ip":"202.196.224.1","risk_score":59}}', 1796679826720);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_d49881240df36b599632fd2f', 'evaluation.created', 'user-05', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.743865798Z","data":{"evaluation_id":"01a25276-7d3d-71fb-921f-90cdbcd61a8f","action":"login","verdict":"allow","user":"user-05","device_id":"01a25276-7d38-7962-9c5f-41958b45dd84","ip":"67.43.156.1","risk_score":57}}', 1796679826743);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_85c2eb88aff0735714fa4960', 'evaluation.created', 'user-05', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.764330245Z","data":{"evaluation_id":"01a25276-7d53-7f0d-ac76-07394674428e","action":"access","verdict":"allow","user":"user-05","device_id":"01a25276-7d38-7962-9c5f-41958b45dd84","ip":"202.196.224.1","risk_score":52}}', 1796679826764);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_330a2a36519b73f1d739e067', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.791640180Z","data":{"evaluation_id":"01a25276-7d71-7d31-ad75-ff4614365dea","action":"signup","verdict":"allow","user":"user-06","device_id":"01a25276-7d6f-79c7-8e40-af3634ee49d0","ip":"67.43.156.1","risk_score":0}}', 1796679826791);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_2980f3368cfd0a09a110e368', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.817530520Z","data":{"evaluation_id":"01a25276-7d88-73d8-8c96-dc88f8b8a55b","action":"access","verdict":"allow","user":"user-06","device_id":"01a25276-7d6f-79c7-8e40-af3634ee49d0","ip":"202.196.224.1","risk_score":49}}', 1796679826817);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_21eac83f859facdcb6c80a2c', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.844541349Z","data":{"evaluation_id":"01a25276-7da1-733f-b572-c7c12aef77d2","action":"access","verdict":"allow","user":"user-06","device_id":"01a25276-7d6f-79c7-8e40-af3634ee49d0","ip":"81.2.69.160","risk_score":59}}', 1796679826844);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_c6d2cefc90d3276b7c7abae3', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.860655608Z","data":{"evaluation_id":"01a25276-7db1-7ef0-b941-81dab8191c5d","action":"login","verdict":"allow","user":"user-06","device_id":"01a25276-7dad-743f-b142-72b3a8f126cc","ip":"202.196.224.1","risk_score":57}}', 1796679826860);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_24763247c8ae616ee750d072', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.876045567Z","data":{"evaluation_id":"01a25276-7dbe-762c-8784-307af5e8e24a","action":"access","verdict":"allow","user":"user-06","device_id":"01a25276-7dad-743f-b142-72b3a8f126cc","ip":"81.2.69.160","risk_score":52}}', 1796679826876);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_97d0bf85b4211b1e9f7b897a', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.889904591Z","data":{"evaluation_id":"01a25276-7dd0-7fcb-a581-f37de8bea2a9","action":"login","verdict":"allow","user":"user-06","device_id":"01a25276-7dcb-7876-ba25-a936a6169a70","ip":"81.2.69.160","risk_score":28}}', 1796679826889);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_31ecb731fa0dcaa7857cb43c', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.910337047Z","data":{"evaluation_id":"01a25276-7de1-70bf-9923-6a5ab411d67b","action":"access","verdict":"challenge","user":"user-06","device_id":"01a25276-7dcb-7876-ba25-a936a6169a70","ip":"89.160.20.128","risk_score":59,"policy_id":"pol_pPKMPJ0cKYJoyhoY","challenge_id":"ch_N4GcjXbO2PuyMWGsw8GExohD4wx47JJN"}}', 1796679826910);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_fd31a7bb9a786808b546abe7', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.928931648Z","data":{"evaluation_id":"01a25276-7df6-7570-9e68-2df02449d853","action":"signup","verdict":"allow","user":"user-07","device_id":"01a25276-7df1-7924-aef7-9df4424dcf94","ip":"202.196.224.1","risk_score":0}}', 1796679826928);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_d23199f23ee4a61eda11f743', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.968451937Z","data":{"evaluation_id":"01a25276-7e1c-7c86-9e2f-52223fde1a47","action":"access","verdict":"allow","user":"user-07","device_id":"01a25276-7df1-7924-aef7-9df4424dcf94","ip":"81.2.69.160","risk_score":49}}', 1796679826968);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_0fb5342659fe88b3db2dc8a6', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:46.996327863Z","data":{"evaluation_id":"01a25276-7e37-78a5-817c-1bdd6dfb3f26","action":"access","verdict":"allow","user":"user-07","device_id":"01a25276-7df1-7924-aef7-9df4424dcf94","ip":"89.160.20.128","risk_score":59}}', 1796679826996);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_3aaacf049e3b4c20cef12e59', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.020067324Z","data":{"evaluation_id":"01a25276-7e55-75d8-827d-9937156909f6","action":"login","verdict":"allow","user":"user-07","device_id":"01a25276-7e4d-7121-8615-e85f503d00e7","ip":"81.2.69.160","risk_score":57}}', 1796679827020);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_c0e9403521426d75ecd51be5', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.046955731Z","data":{"evaluation_id":"01a25276-7e6e-76f0-a8c2-03d6856221d3","action":"access","verdict":"allow","user":"user-07","device_id":"01a25276-7e4d-7121-8615-e85f503d00e7","ip":"89.160.20.128","risk_score":52}}', 1796679827046);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_92ac3bffe6ce29e45d60f923', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.066884956Z","data":{"evaluation_id":"01a25276-7e7e-7fa4-a88a-58ba7c65f23e","action":"login","verdict":"allow","user":"user-07","device_id":"01a25276-7e7b-7338-9697-cf441639b0c7","ip":"89.160.20.128","risk_score":28}}', 1796679827066);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_10928ff56dd95af216c3d02e', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.081661946Z","data":{"evaluation_id":"01a25276-7e8e-7233-9e43-c0f8d6e1d659","action":"access","verdict":"challenge","user":"user-07","device_id":"01a25276-7e7b-7338-9697-cf441639b0c7","ip":"2.125.160.216","risk_score":54,"policy_id":"pol_pPKMPJ0cKYJoyhoY","challenge_id":"ch_3oJFNizw0XPHSGjPkrvIjPZ6HmczSICl"}}', 1796679827081);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_0fb6df4138f822f1ace8702d', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.104561068Z","data":{"evaluation_id":"01a25276-7ea5-718f-bb34-0ecdfba4f7e4","action":"login","verdict":"allow","user":"user-07","device_id":"01a25276-7ea1-7a9d-846f-48ac8229d55a","ip":"2.125.160.216","risk_score":57}}', 1796679827104);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_79a1ccc2da34662de9fade79', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.122593746Z","data":{"evaluation_id":"01a25276-7eb6-730b-a107-70a1fa39b796","action":"access","verdict":"challenge","user":"user-07","device_id":"01a25276-7ea1-7a9d-846f-48ac8229d55a","ip":"216.160.83.56","risk_score":75,"policy_id":"pol_pPKMPJ0cKYJoyhoY","challenge_id":"ch_a3y92aGrIG0B2wUE1AV1e90Ng1ZrpOAL"}}', 1796679827122);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_e788686a7a6fc2968f85d4ae', 'evaluation.created', 'user-08', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.145589049Z","data":{"evaluation_id":"01a25276-7ed1-7b7a-b4b5-5aacda847bfa","action":"signup","verdict":"allow","user":"user-08","device_id":"01a25276-7eca-7a0e-8266-946cdb105b43","ip":"81.2.69.160","risk_score":0}}', 1796679827145);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_af795ca2235c0bb5a7f24c1e', 'evaluation.created', 'user-08', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.173748911Z","data":{"evaluation_id":"01a25276-7ee9-7875-b181-f2bcf6f4cff3","action":"access","verdict":"allow","user":"user-08","device_id":"01a25276-7eca-7a0e-8266-946cdb105b43","ip":"89.160.20.128","risk_score":49}}', 1796679827173);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_659f6e379019787df953efb1', 'evaluation.created', 'user-08', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.197056777Z","data":{"evaluation_id":"01a25276-7f00-7521-bb8f-9bed0f57e25e","action":"access","verdict":"allow","user":"user-08","device_id":"01a25276-7eca-7a0e-8266-946cdb105b43","ip":"2.125.160.216","risk_score":43}}', 1796679827197);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_896d46407abc67a0d2b43e96', 'evaluation.created', 'user-09', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.215835395Z","data":{"evaluation_id":"01a25276-7f32-7269-bb45-690a5f98629d","action":"signup","verdict":"allow","user":"user-09","device_id":"01a25276-7f13-7693-8775-24fdd1b65a06","ip":"89.160.20.128","risk_score":0}}', 1796679827215);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_0201d2f8e9b745e0ddcaf1b3', 'evaluation.created', 'user-09', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.270412474Z","data":{"evaluation_id":"01a25276-7f49-70ac-8a24-2a15d8f259ec","action":"access","verdict":"allow","user":"user-09","device_id":"01a25276-7f13-7693-8775-24fdd1b65a06","ip":"2.125.160.216","risk_score":49}}', 1796679827270);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_69063d695419fa5395223a69', 'evaluation.created', 'user-09', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.286357122Z","data":{"evaluation_id":"01a25276-7f59-7834-bf20-d9f256fbc2fc","action":"access","verdict":"allow","user":"user-09","device_id":"01a25276-7f13-7693-8775-24fdd1b65a06","ip":"216.160.83.56","risk_score":59}}', 1796679827286);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_6c849385c35b4731846d6353', 'evaluation.created', 'user-09', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.301873269Z","data":{"evaluation_id":"01a25276-7f6a-78f4-8392-a97294ffaf43","action":"login","verdict":"allow","user":"user-09","device_id":"01a25276-7f67-7a9c-832a-61554a3a75a0","ip":"2.125.160.216","risk_score":57}}', 1796679827301);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_38d4a4a53988cfed71a1a34e', 'evaluation.created', 'user-09', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.323124665Z","data":{"evaluation_id":"01a25276-7f85-72e6-8210-108cc4ebe5f0","action":"access","verdict":"allow","user":"user-09","device_id":"01a25276-7f67-7a9c-832a-61554a3a75a0","ip":"216.160.83.56","risk_score":52}}', 1796679827323);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_010afd6e81733f0aa8a6a287', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.354716959Z","data":{"evaluation_id":"01a25276-7fa1-70c1-a8e0-19d67a4a4d79","action":"signup","verdict":"allow","user":"user-10","device_id":"01a25276-7f9c-79bc-b5c6-ceccb262542e","ip":"2.125.160.216","risk_score":0}}', 1796679827354);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_e8e8c00d5e38850ce03c9c33', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.378973129Z","data":{"evaluation_id":"01a25276-7fb5-7776-9901-400aa3789266","action":"access","verdict":"allow","user":"user-10","device_id":"01a25276-7f9c-79bc-b5c6-ceccb262542e","ip":"216.160.83.56","risk_score":49}}', 1796679827378);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_8155b54301ce2dfdf81d3f76', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.392161674Z","data":{"evaluation_id":"01a25276-7fc3-7a15-adec-9b420e4c2d54","action":"access","verdict":"allow","user":"user-10","device_id":"01a25276-7f9c-79bc-b5c6-ceccb262542e","ip":"175.16.199.1","risk_score":59}}', 1796679827392);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_72f6d5d602e8a102812d3efd', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.416882692Z","data":{"evaluation_id":"01a25276-7fde-7be7-b0f8-3ebfe8c9389c","action":"login","verdict":"allow","user":"user-10","device_id":"01a25276-7fd9-761a-97b2-7a694d00ab3d","ip":"216.160.83.56","risk_score":57}}', 1796679827416);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_a47c2db6520fe9fb027a6a7a', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.437026181Z","data":{"evaluation_id":"01a25276-7ff1-7c39-87d8-92f9339ab421","action":"access","verdict":"allow","user":"user-10","device_id":"01a25276-7fd9-761a-97b2-7a694d00ab3d","ip":"175.16.199.1","risk_score":52}}', 1796679827437);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_2bbf675b241752dc5f7f1ac4', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.455867318Z","data":{"evaluation_id":"01a25276-8004-7635-8efc-1b6b29f444c6","action":"login","verdict":"allow","user":"user-10","device_id":"01a25276-8000-7c6f-b8c6-673d43db4c35","ip":"175.16.199.1","risk_score":28}}', 1796679827455);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_b83997cd7dd61c9eab656f45', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.484649809Z","data":{"evaluation_id":"01a25276-8020-7654-8b9b-e94aa6b3a835","action":"access","verdict":"challenge","user":"user-10","device_id":"01a25276-8000-7c6f-b8c6-673d43db4c35","ip":"2a02:cf40::1:2","risk_score":59,"policy_id":"pol_pPKMPJ0cKYJoyhoY","challenge_id":"ch_hPcD9Nu0JyX3RWfft9GPjnjq6xIC5YWc"}}', 1796679827484);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_d152512da92e11f1d15d7c5b', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.503256411Z","data":{"evaluation_id":"01a25276-8032-7581-8bc2-f1567c2681d4","action":"signup","verdict":"allow","user":"user-11","device_id":"01a25276-802f-78fa-adfd-4e31bed233c7","ip":"216.160.83.56","risk_score":0}}', 1796679827503);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_2889c459ce866ee008c33b6f', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.520884834Z","data":{"evaluation_id":"01a25276-8046-74a6-8026-23140f0e7962","action":"access","verdict":"allow","user":"user-11","device_id":"01a25276-802f-78fa-adfd-4e31bed233c7","ip":"175.16.199.1","risk_score":49}}', 1796679827520);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_2743d4554693da85297c4f59', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.542975908Z","data":{"evaluation_id":"01a25276-8060-74fc-91fb-9542d0c7300f","action":"access","verdict":"allow","user":"user-11","device_id":"01a25276-802f-78fa-adfd-4e31bed233c7","ip":"2a02:cf40::1:2","risk_score":59}}', 1796679827542);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_468bf5c0061eb0798510d631', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.567876135Z","data":{"evaluation_id":"01a25276-8075-75d0-a499-47ab923ef37e","action":"login","verdict":"allow","user":"user-11","device_id":"01a25276-8070-733d-b2db-9be9fe6a761f","ip":"175.16.199.1","risk_score":57}}', 1796679827567);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_c9a61f36282f19001f3d2571', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.585584930Z","data":{"evaluation_id":"01a25276-8085-72c8-94a0-8da22a0990a2","action":"access","verdict":"allow","user":"user-11","device_id":"01a25276-8070-733d-b2db-9be9fe6a761f","ip":"2a02:cf40::1:2","risk_score":52}}', 1796679827585);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_75a83355373aeccec4d9499a', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.600920596Z","data":{"evaluation_id":"01a25276-8096-72c3-baeb-56b8691809d6","action":"login","verdict":"allow","user":"user-11","device_id":"01a25276-8091-77f2-9a6d-f05021f6e124","ip":"2a02:cf40::1:2","risk_score":28}}', 1796679827600);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_693dc241e220115ef914a105', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.627559281Z","data":{"evaluation_id":"01a25276-80b1-70fb-88ab-85239a5ea2d8","action":"access","verdict":"challenge","user":"user-11","device_id":"01a25276-8091-77f2-9a6d-f05021f6e124","ip":"67.43.156.1","risk_score":54,"policy_id":"pol_pPKMPJ0cKYJoyhoY","challenge_id":"ch_seyYPLFPbSquaQjS2EGoq8yfdLRhC3WK"}}', 1796679827627);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_88254d77524b25df2cdc1d4c', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.645069872Z","data":{"evaluation_id":"01a25276-80c7-7f1d-b74b-7d21e42c55f3","action":"login","verdict":"allow","user":"user-11","device_id":"01a25276-80bd-7db6-98ff-505e5a4b950c","ip":"67.43.156.1","risk_score":28}}', 1796679827645);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_fa3db143ebeae49d9d60b32c', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.666494234Z","data":{"evaluation_id":"01a25276-80d7-7bdf-856f-386e67e9f8e4","action":"access","verdict":"challenge","user":"user-11","device_id":"01a25276-80bd-7db6-98ff-505e5a4b950c","ip":"202.196.224.1","risk_score":54,"policy_id":"pol_pPKMPJ0cKYJoyhoY","challenge_id":"ch_5g95zOY5O5Qdt7LlovWYrHmdJdWfCW83"}}', 1796679827666);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_86de258b047b2547f3743a4b', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:43:47.744346526Z","data":{"evaluation_id":"01a25276-8124-7b45-bdda-da363fbfcbea","action":"login","verdict":"allow","user":"user-01","device_id":"01a25276-769c-7143-83be-d68b13511e71","ip":"127.0.0.1","risk_score":24,"policy_id":"pol_JwVPkmF8i4hcl161"}}', 1796679827744);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_3GnVszrXmXua9JGL', 'msg_c584617d35503dc1c0b36847', 'device.detached', 'user-03', '{"type":"device.detached","timestamp":"2026-12-07T21:43:47.940005651Z","data":{"device_id":"01a25276-7aaa-7ecd-96fe-0458f8f8f12e","user":"user-03"}}', 1796679827940);


--
-- Name: account_patterns account_patterns_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.account_patterns
    ADD CONSTRAINT account_patterns_pkey PRIMARY KEY (app_id, user_id, pattern);


--
-- Name: apps apps_client_id_key; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.apps
    ADD CONSTRAINT apps_client_id_key UNIQUE (client_id);


--
-- Name: apps apps_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.apps
    ADD CONSTRAINT apps_pkey PRIMARY KEY (id);


--
-- Name: apps apps_secret_lookup_key; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.apps
    ADD CONSTRAINT apps_secret_lookup_key UNIQUE (secret_lookup);


--
-- Name: challenges challenges_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.challenges
    ADD CONSTRAINT challenges_pkey PRIMARY KEY (id);


--
-- Name: device_components device_components_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.device_components
    ADD CONSTRAINT device_components_pkey PRIMARY KEY (app_id, device_id);


--
-- Name: device_fingerprints device_fingerprints_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.device_fingerprints
    ADD CONSTRAINT device_fingerprints_pkey PRIMARY KEY (app_id, fingerprint_id);


--
-- Name: device_tokens device_tokens_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.device_tokens
    ADD CONSTRAINT device_tokens_pkey PRIMARY KEY (app_id, token_hash);


--
-- Name: devices devices_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.devices
    ADD CONSTRAINT devices_pkey PRIMARY KEY (app_id, id);


--
-- Name: evaluations evaluations_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.evaluations
    ADD CONSTRAINT evaluations_pkey PRIMARY KEY (app_id, id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: operator_recovery_codes operator_recovery_codes_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.operator_recovery_codes
    ADD CONSTRAINT operator_recovery_codes_pkey PRIMARY KEY (operator_id, code_hash);


--
-- Name: operator_sessions operator_sessions_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.operator_sessions
    ADD CONSTRAINT operator_sessions_pkey PRIMARY KEY (token_hash);


--
-- Name: operator_signin_locks operator_signin_locks_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.operator_signin_locks
    ADD CONSTRAINT operator_signin_locks_pkey PRIMARY KEY (bucket);


--
-- Name: operators operators_email_key; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.operators
    ADD CONSTRAINT operators_email_key UNIQUE (email);


--
-- Name: operators operators_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.operators
    ADD CONSTRAINT operators_pkey PRIMARY KEY (id);


--
-- Name: owner_notice_claims owner_notice_claims_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.owner_notice_claims
    ADD CONSTRAINT owner_notice_claims_pkey PRIMARY KEY (app_id, claim_key);


--
-- Name: owner_notices owner_notices_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.owner_notices
    ADD CONSTRAINT owner_notices_pkey PRIMARY KEY (app_id, user_id, device_id);


--
-- Name: policies policies_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.policies
    ADD CONSTRAINT policies_pkey PRIMARY KEY (app_id, id);


--
-- Name: policy_versions policy_versions_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.policy_versions
    ADD CONSTRAINT policy_versions_pkey PRIMARY KEY (app_id);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (name);


--
-- Name: user_countries user_countries_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.user_countries
    ADD CONSTRAINT user_countries_pkey PRIMARY KEY (app_id, user_id, country);


--
-- Name: user_devices user_devices_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.user_devices
    ADD CONSTRAINT user_devices_pkey PRIMARY KEY (app_id, user_id, device_id);


--
-- Name: user_fingerprints user_fingerprints_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.user_fingerprints
    ADD CONSTRAINT user_fingerprints_pkey PRIMARY KEY (app_id, user_id, fingerprint_id);


--
-- Name: user_ips user_ips_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.user_ips
    ADD CONSTRAINT user_ips_pkey PRIMARY KEY (app_id, user_id, ip);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (app_id, id);


--
-- Name: value_list_entries value_list_entries_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.value_list_entries
    ADD CONSTRAINT value_list_entries_pkey PRIMARY KEY (app_id, list_id, value);


--
-- Name: value_lists value_lists_app_id_name_key; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.value_lists
    ADD CONSTRAINT value_lists_app_id_name_key UNIQUE (app_id, name);


--
-- Name: value_lists value_lists_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.value_lists
    ADD CONSTRAINT value_lists_pkey PRIMARY KEY (app_id, id);


--
-- Name: webhook_attempts webhook_attempts_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.webhook_attempts
    ADD CONSTRAINT webhook_attempts_pkey PRIMARY KEY (app_id, message_id, endpoint_id, attempt);


--
-- Name: webhook_deliveries webhook_deliveries_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (app_id, message_id, endpoint_id);


--
-- Name: webhook_endpoints webhook_endpoints_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.webhook_endpoints
    ADD CONSTRAINT webhook_endpoints_pkey PRIMARY KEY (app_id, id);


--
-- Name: webhook_messages webhook_messages_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.webhook_messages
    ADD CONSTRAINT webhook_messages_pkey PRIMARY KEY (app_id, id);


--
-- Name: account_patterns_by_pattern; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX account_patterns_by_pattern ON earlier_release_schema.account_patterns USING btree (app_id, pattern, level_rank, last_seen);


--
-- Name: account_patterns_by_seen; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX account_patterns_by_seen ON earlier_release_schema.account_patterns USING btree (app_id, last_seen);


--
-- Name: apps_by_previous_secret; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX apps_by_previous_secret ON earlier_release_schema.apps USING btree (previous_secret_lookup);


--
-- Name: challenges_by_account; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX challenges_by_account ON earlier_release_schema.challenges USING btree (app_id, account_key, device_id);


--
-- Name: challenges_by_age; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX challenges_by_age ON earlier_release_schema.challenges USING btree (created_at);


--
-- Name: challenges_by_app_time; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX challenges_by_app_time ON earlier_release_schema.challenges USING btree (app_id, created_at);


--
-- Name: challenges_by_evaluation; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX challenges_by_evaluation ON earlier_release_schema.challenges USING btree (app_id, evaluation_id);


--
-- Name: device_components_by_block; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX device_components_by_block ON earlier_release_schema.device_components USING btree (app_id, blocking_key, updated_at);


--
-- Name: device_fingerprints_by_device; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX device_fingerprints_by_device ON earlier_release_schema.device_fingerprints USING btree (app_id, device_id);


--
-- Name: device_tokens_by_device; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX device_tokens_by_device ON earlier_release_schema.device_tokens USING btree (app_id, device_id);


--
-- Name: evaluations_by_device; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX evaluations_by_device ON earlier_release_schema.evaluations USING btree (app_id, device_id, created_at, network);


--
-- Name: evaluations_by_network; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX evaluations_by_network ON earlier_release_schema.evaluations USING btree (app_id, network, created_at, ip);


--
-- Name: evaluations_by_user; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX evaluations_by_user ON earlier_release_schema.evaluations USING btree (app_id, user_id, created_at, country);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON earlier_release_schema.flyway_schema_history USING btree (success);


--
-- Name: operator_failures_by_email; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX operator_failures_by_email ON earlier_release_schema.operator_failures USING btree (email, client_key, at);


--
-- Name: owner_notice_claims_by_age; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX owner_notice_claims_by_age ON earlier_release_schema.owner_notice_claims USING btree (claimed_at);


--
-- Name: owner_notice_recipients_by_age; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX owner_notice_recipients_by_age ON earlier_release_schema.owner_notice_recipients USING btree (sent_at);


--
-- Name: owner_notice_recipients_by_recipient; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX owner_notice_recipients_by_recipient ON earlier_release_schema.owner_notice_recipients USING btree (app_id, recipient, sent_at);


--
-- Name: owner_notice_recipients_by_user; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX owner_notice_recipients_by_user ON earlier_release_schema.owner_notice_recipients USING btree (app_id, user_id);


--
-- Name: owner_notices_by_recipient; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX owner_notices_by_recipient ON earlier_release_schema.owner_notices USING btree (app_id, recipient, sent_at);


--
-- Name: user_devices_by_device; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX user_devices_by_device ON earlier_release_schema.user_devices USING btree (app_id, device_id);


--
-- Name: user_fingerprints_by_fingerprint; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX user_fingerprints_by_fingerprint ON earlier_release_schema.user_fingerprints USING btree (app_id, fingerprint_id);


--
-- Name: webhook_deliveries_by_endpoint; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX webhook_deliveries_by_endpoint ON earlier_release_schema.webhook_deliveries USING btree (app_id, endpoint_id, created_at);


--
-- Name: webhook_deliveries_by_lock; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX webhook_deliveries_by_lock ON earlier_release_schema.webhook_deliveries USING btree (lock_token);


--
-- Name: webhook_deliveries_due_by_endpoint; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX webhook_deliveries_due_by_endpoint ON earlier_release_schema.webhook_deliveries USING btree (app_id, endpoint_id, status, next_attempt_at);


--
-- Name: webhook_messages_by_age; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX webhook_messages_by_age ON earlier_release_schema.webhook_messages USING btree (created_at);


--
-- Name: webhook_messages_by_user; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX webhook_messages_by_user ON earlier_release_schema.webhook_messages USING btree (app_id, user_id);


--
-- PostgreSQL database dump complete
--


