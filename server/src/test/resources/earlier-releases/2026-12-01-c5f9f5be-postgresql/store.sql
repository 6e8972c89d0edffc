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
    last_seen bigint NOT NULL
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
    branding text
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
    exited_to character varying(16)
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
-- Name: operators; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.operators (
    id character varying(64) NOT NULL,
    email character varying(254) NOT NULL,
    password_hash character varying(255) NOT NULL,
    created_at bigint NOT NULL,
    app_ids character varying(4000)
);


--
-- Name: owner_notices; Type: TABLE; Schema: earlier_release_schema; Owner: -
--

CREATE TABLE earlier_release_schema.owner_notices (
    app_id character varying(64) NOT NULL,
    user_id character varying(256) NOT NULL,
    device_id character varying(36) NOT NULL,
    sent_at bigint NOT NULL
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
    last_seen bigint NOT NULL
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
    previous_secret character varying(64),
    previous_expires_at bigint,
    created_at bigint NOT NULL
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

INSERT INTO earlier_release_schema.account_patterns VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', 'multiple_countries', 1, 3, 1796679670153, 1796679670153);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', 'multiple_countries', 1, 4, 1796679670323, 1796679670427);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', 'multiple_countries', 1, 3, 1796679670507, 1796679670507);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-04', 'multiple_countries', 1, 3, 1796679670708, 1796679670708);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', 'multiple_countries', 1, 3, 1796679670758, 1796679670758);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', 'multiple_countries', 1, 4, 1796679670852, 1796679670899);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', 'multiple_countries', 1, 4, 1796679670933, 1796679671026);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', 'multiple_countries', 1, 3, 1796679671135, 1796679671135);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', 'multiple_countries', 1, 4, 1796679671221, 1796679671292);
INSERT INTO earlier_release_schema.account_patterns VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', 'multiple_countries', 1, 3, 1796679671336, 1796679671336);


--
-- Data for Name: apps; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.apps VALUES ('app_0Fvdxck4aSsWpTJa', 'default', 'pk_e0vvsxnwc5sC3LrrsI2Txvod', 'vOG3pyoCFPMr', '7ec25187100fd0a95c8bf929e7c8ed94b7330333f557d3932c59a5310f781705', '["http://localhost:32895","http://127.0.0.1:32895"]', 1796679668673, NULL);
INSERT INTO earlier_release_schema.apps VALUES ('app_y2WLq0UmN7PWowgM', 'demo', 'pk_7mVpUpfmLyXEe9w0ACf7mZcn', 'gK2G4yj05Vi7', 'e63e3758d791370e382507d227d7f5de677f8b9113c9efa94977f062f66d8914', '["http://localhost:32895","http://127.0.0.1:32895"]', 1796679668968, NULL);
INSERT INTO earlier_release_schema.apps VALUES ('app_WRlVGO1Oc2SF3OAp', 'earlier release', 'pk_MNkNNGTwkYZhGXqOQ7qGFIlY', 'W6QzgSv6a9fH', 'ae0d91b1ece032b912dbd349f0b6534b3f2eeea85de2921deab63300baa9270e', '["https://shop.example"]', 1796679669649, NULL);


--
-- Data for Name: challenges; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.challenges VALUES ('ch_HV4Dlv9ONbR5GLfwqgxmw2LKFXQZU1HB', 'app_WRlVGO1Oc2SF3OAp', '01a25274-1aa1-7e58-8f46-9309d7a86a61', 'user:user-02', '818f8e3a-6562-4553-b0b7-2c7953eccf6e', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679670427, 1796680270427, NULL, '{"type":"device_limit","policyId":"pol_kGnoSkHjqsypHlez","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-02","email":"user-02@mail.example","deviceId":"818f8e3a-6562-4553-b0b7-2c7953eccf6e","channels":[],"reasons":["device_count"]}', NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_4ZWzgF7jFa2mVpNBPvGTZ6j6bP6OrhAq', 'app_WRlVGO1Oc2SF3OAp', '01a25274-1b51-7971-a302-07fa25e1e0f8', 'user:user-03', 'dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679670600, 1796680270600, NULL, '{"type":"device_limit","policyId":"pol_kGnoSkHjqsypHlez","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-03","email":"user-03@mail.example","deviceId":"dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd","channels":[],"reasons":["device_count"]}', NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_3a3PnLhUjz7rkaM0IHCva8RNacJ1Gx70', 'app_WRlVGO1Oc2SF3OAp', '01a25274-1b70-718f-acc7-51a8c25431c4', 'user:user-03', 'c536d0e3-73f1-43db-8b36-d06c185c77f7', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679670636, 1796680270636, NULL, '{"type":"device_limit","policyId":"pol_kGnoSkHjqsypHlez","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-03","email":"user-03@mail.example","deviceId":"c536d0e3-73f1-43db-8b36-d06c185c77f7","channels":[],"reasons":["device_count"]}', NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_Q0dlDF8mvB1gppqMnedgqsk2PMiLavwB', 'app_WRlVGO1Oc2SF3OAp', '01a25274-1c75-7a04-a152-4cfe301a73f5', 'user:user-06', '618471f3-c439-441a-a535-460b7069dc40', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679670899, 1796680270899, NULL, '{"type":"device_limit","policyId":"pol_kGnoSkHjqsypHlez","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-06","email":"user-06@mail.example","deviceId":"618471f3-c439-441a-a535-460b7069dc40","channels":[],"reasons":["device_count"]}', NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_rw9ngUy1uQ78nGP1AKzQMA04Jn3SuqU2', 'app_WRlVGO1Oc2SF3OAp', '01a25274-1cd2-7c6c-b131-b82f4c2fbb6c', 'user:user-07', '0f44246b-1f66-4825-b857-ad22cd16c231', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679670991, 1796680270991, NULL, '{"type":"device_limit","policyId":"pol_kGnoSkHjqsypHlez","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-07","email":"user-07@mail.example","deviceId":"0f44246b-1f66-4825-b857-ad22cd16c231","channels":[],"reasons":["device_count"]}', NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_eN64sl7tpim0f65L1a4NCKudEZlG6CuI', 'app_WRlVGO1Oc2SF3OAp', '01a25274-1cf8-73a9-b60d-a06139d84f04', 'user:user-07', 'ef5de34a-530a-407f-b383-4ab56c408ad7', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679671026, 1796680271026, NULL, '{"type":"device_limit","policyId":"pol_kGnoSkHjqsypHlez","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-07","email":"user-07@mail.example","deviceId":"ef5de34a-530a-407f-b383-4ab56c408ad7","channels":[],"reasons":["device_count"]}', NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_gXrhr0V9RzJCLoxCTOowQeFVKpTXKN5N', 'app_WRlVGO1Oc2SF3OAp', '01a25274-1dff-7c60-85c0-d07ffba892a6', 'user:user-10', 'fb768a36-675a-42c8-9a91-a4cdabef0c5f', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679671292, 1796680271292, NULL, '{"type":"device_limit","policyId":"pol_kGnoSkHjqsypHlez","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-10","email":"user-10@mail.example","deviceId":"fb768a36-675a-42c8-9a91-a4cdabef0c5f","channels":[],"reasons":["device_count"]}', NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_dTojYvOlpdsBbo6SMIcnIWNlqk4757Zw', 'app_WRlVGO1Oc2SF3OAp', '01a25274-1e63-778e-b8a9-5bebb4614db5', 'user:user-11', '35037f10-ac41-4b2b-983e-843b8410b62c', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679671390, 1796680271390, NULL, '{"type":"device_limit","policyId":"pol_kGnoSkHjqsypHlez","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-11","email":"user-11@mail.example","deviceId":"35037f10-ac41-4b2b-983e-843b8410b62c","channels":[],"reasons":["device_count"]}', NULL);
INSERT INTO earlier_release_schema.challenges VALUES ('ch_JL6WTvG7PH0ZEn46AgzDgqll365wOIXW', 'app_WRlVGO1Oc2SF3OAp', '01a25274-1e88-778b-8bae-9bc910b13355', 'user:user-11', '12130899-74b3-4189-8f3f-2737ccb8ba38', 'device_limit', 'created', 0, 0, NULL, NULL, 1796679671427, 1796680271427, NULL, '{"type":"device_limit","policyId":"pol_kGnoSkHjqsypHlez","action":"access","successUrl":"https://shop.example/signup","logoutUrl":"https://shop.example/logged-out","returnTo":"https://shop.example/watch","deviceLimit":2,"userId":"user-11","email":"user-11@mail.example","deviceId":"12130899-74b3-4189-8f3f-2737ccb8ba38","channels":[],"reasons":["device_count"]}', NULL);


--
-- Data for Name: device_components; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '596ce914-d570-4f6d-9401-f0c296303b4d', '{"canvas":"c010","hardware_concurrency":4,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 1-0"}', 1796679669848, 'bb63227ecd20cb07646066352fcb54fc');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', 'a5756579-8fea-486b-a393-61258887f876', '{"canvas":"c011","hardware_concurrency":5,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 1-1"}', 1796679670185, 'a6f2ae92f1a2a342323823b89446d66a');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', 'f0025ece-058f-4614-be28-f9d8e95ee0a5', '{"canvas":"c020","hardware_concurrency":4,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 2-0"}', 1796679670243, '67371de325cd4e6c263a6d8c1c67eafd');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '36ac7b6e-4f21-451f-997a-a279da8e2eee', '{"canvas":"c021","hardware_concurrency":5,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 2-1"}', 1796679670357, '5d25f316309bc82b885cb7e5ca49ce63');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '818f8e3a-6562-4553-b0b7-2c7953eccf6e', '{"canvas":"c022","hardware_concurrency":6,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 2-2"}', 1796679670400, '9548f2c141a1990a751721ae17b97e3f');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '85c0fe50-f6e4-4144-9c8f-71dfe7823f04', '{"canvas":"c030","hardware_concurrency":4,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 3-0"}', 1796679670467, 'c7905d4887f83cbdc894503f66a031a0');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '5ad0f073-0871-45c2-bbdf-3beb6657dcce', '{"canvas":"c031","hardware_concurrency":5,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 3-1"}', 1796679670528, '63e77fd553283588aa6932e81fa7891b');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', 'dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd', '{"canvas":"c032","hardware_concurrency":6,"languages":"en-GB,en","platform":"computer","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 3-2"}', 1796679670563, '2974bc17e09de00856218c611b0ba11c');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', 'c536d0e3-73f1-43db-8b36-d06c185c77f7', '{"canvas":"c033","hardware_concurrency":7,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 3-3"}', 1796679670620, 'e71681bb3c2dd7065c2528211218018c');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '69f7c469-42d1-4f29-afb0-c534062142bb', '{"canvas":"c040","hardware_concurrency":4,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 4-0"}', 1796679670668, 'be824795cd483f2ecd667c219e31bb84');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '262c5c78-b11e-417b-9c82-e6e92444a133', '{"canvas":"c050","hardware_concurrency":4,"languages":"en-GB,en","platform":"computer","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 5-0"}', 1796679670724, '109cece1630367d1007b41ff2452d709');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '1c7feab8-030c-4a2a-8baa-94093d1807ec', '{"canvas":"c051","hardware_concurrency":5,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 5-1"}', 1796679670778, 'b221e11ab7b3fe415f2a7738fbedd60f');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '94fb4a33-69fb-4d3c-88fc-0ca29ec73a65', '{"canvas":"c060","hardware_concurrency":4,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 6-0"}', 1796679670814, 'e775180f0bd3100904a6232ba117e5c3');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', 'd6361f13-20d8-498d-8a89-5ed53be9a3b8', '{"canvas":"c061","hardware_concurrency":5,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 6-1"}', 1796679670865, 'db5b223b0e05884428364e919588b1c4');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '618471f3-c439-441a-a535-460b7069dc40', '{"canvas":"c062","hardware_concurrency":6,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 6-2"}', 1796679670887, 'd4c2d62b8785f27010ea466b594125de');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', 'ccacd0ed-0de3-4712-87c2-0a9e673052ef', '{"canvas":"c070","hardware_concurrency":4,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 7-0"}', 1796679670912, '266c398d0f8754d9832da45501223ef7');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '7c6bb40f-f224-40ce-b251-50c38bdd2ba0', '{"canvas":"c071","hardware_concurrency":5,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 7-1"}', 1796679670946, 'cf6ec5ecdd7c095daa7fd2376fa98dba');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '0f44246b-1f66-4825-b857-ad22cd16c231', '{"canvas":"c072","hardware_concurrency":6,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 7-2"}', 1796679670974, 'a2062cbfceeb90e6ddb15678aeec7e57');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', 'ef5de34a-530a-407f-b383-4ab56c408ad7', '{"canvas":"c073","hardware_concurrency":7,"languages":"en-GB,en","platform":"computer","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 7-3"}', 1796679671009, '2eed20e5a2096bc612fd144450a5f066');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', 'a113872f-cc86-4b1f-948d-d6fc50d527d3', '{"canvas":"c080","hardware_concurrency":4,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 8-0"}', 1796679671047, 'da8304c723c8340ee764867df9d5b5e7');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '20e6bfb8-965d-46da-afd1-7ca5704c12c5', '{"canvas":"c090","hardware_concurrency":4,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 9-0"}', 1796679671102, 'bfece008257616782aca8e753272be1f');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', 'fbd89042-5032-47c3-b035-45b36e38c007', '{"canvas":"c091","hardware_concurrency":5,"languages":"en-GB,en","platform":"computer","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 9-1"}', 1796679671151, '5c52ecdee254827c106131b3090b56f4');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '44fd1a31-fb5e-4c61-9f13-bf85e0bacd89', '{"canvas":"c100","hardware_concurrency":4,"languages":"en-GB,en","platform":"computer","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 10-0"}', 1796679671197, '1225d8e3daa4086897a3ef3287ccace4');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e', '{"canvas":"c101","hardware_concurrency":5,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 10-1"}', 1796679671234, '669a450e4e9db2da5f0e6914bc606a8b');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', 'fb768a36-675a-42c8-9a91-a4cdabef0c5f', '{"canvas":"c102","hardware_concurrency":6,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 10-2"}', 1796679671266, 'e86aebfce54f7a54e71027a3f1362f87');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '15314198-f31e-45e6-85f6-8bcfb7af543d', '{"canvas":"c110","hardware_concurrency":4,"languages":"en-GB,en","platform":"mobile","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 11-0"}', 1796679671308, '1aa10fa603b9173ceb94c926ac6ebe6b');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8', '{"canvas":"c111","hardware_concurrency":5,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 11-1"}', 1796679671348, 'e40ed88f4d70d841648ccce5e4b11f50');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '35037f10-ac41-4b2b-983e-843b8410b62c', '{"canvas":"c112","hardware_concurrency":6,"languages":"en-GB,en","platform":"mac","screen":"1920x1080","timezone":"Europe/London","webgl_renderer":"GPU 11-2"}', 1796679671375, '30a9e465b83c02b1aaadffcbb10a9677');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '12130899-74b3-4189-8f3f-2737ccb8ba38', '{"canvas":"c113","hardware_concurrency":7,"languages":"en-GB,en","platform":"android","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 11-3"}', 1796679671412, 'bab8ed086436ab05e5bfd6ad84b24da3');
INSERT INTO earlier_release_schema.device_components VALUES ('app_WRlVGO1Oc2SF3OAp', '4affdb42-8ee6-4678-afd3-a152951196a3', '{"canvas":"c120","hardware_concurrency":4,"languages":"en-GB,en","platform":"tablet","screen":"390x844","timezone":"Europe/London","webgl_renderer":"GPU 12-0"}', 1796679671446, 'b4f62dab3e7b8365edef04fdb345f56e');


--
-- Data for Name: device_fingerprints; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'a032d5a72d3ffe8544ffc8b7ff09fcf2', '596ce914-d570-4f6d-9401-f0c296303b4d', 1796679669848, 1796679669848);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'c7f7e149f52217254072d831fd740d26', 'a5756579-8fea-486b-a393-61258887f876', 1796679670185, 1796679670185);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '52213b257691fef6685c5c8a3a25ec6f', 'f0025ece-058f-4614-be28-f9d8e95ee0a5', 1796679670243, 1796679670243);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '2565ce25c6fae32578eaa94dbcfe1e23', '36ac7b6e-4f21-451f-997a-a279da8e2eee', 1796679670357, 1796679670357);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'f7043489780687d4cd9f3a231aa9a995', '818f8e3a-6562-4553-b0b7-2c7953eccf6e', 1796679670400, 1796679670400);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '62982406d2e82beb1b73573bdda2abb8', '85c0fe50-f6e4-4144-9c8f-71dfe7823f04', 1796679670467, 1796679670467);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '27f9c630c54a88be0451119b1dbb474d', '5ad0f073-0871-45c2-bbdf-3beb6657dcce', 1796679670528, 1796679670528);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '6b3df1192587aabc7d9be36e97361dc0', 'dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd', 1796679670563, 1796679670563);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'f8feb9888274bccf3de11312712352bd', 'c536d0e3-73f1-43db-8b36-d06c185c77f7', 1796679670620, 1796679670620);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '8ffd618245b85a8ff23e8b602ef074e1', '69f7c469-42d1-4f29-afb0-c534062142bb', 1796679670668, 1796679670668);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '2ad6b48625776ac0fee7a2d6d787ac0c', '262c5c78-b11e-417b-9c82-e6e92444a133', 1796679670724, 1796679670724);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'a359d7afb00dc8fe6d35c7896af7d67d', '1c7feab8-030c-4a2a-8baa-94093d1807ec', 1796679670778, 1796679670778);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '93f3517af884138bf675a8b3d895d9e6', '94fb4a33-69fb-4d3c-88fc-0ca29ec73a65', 1796679670814, 1796679670814);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '99f39132c47e7955bbf594969122cdd5', 'd6361f13-20d8-498d-8a89-5ed53be9a3b8', 1796679670865, 1796679670865);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '2992b8342b3f8962aa59bbcef9395e4f', '618471f3-c439-441a-a535-460b7069dc40', 1796679670887, 1796679670887);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '55fe363dcb42256db2bc33f713b3e7b1', 'ccacd0ed-0de3-4712-87c2-0a9e673052ef', 1796679670912, 1796679670912);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '00bda99ed115851cdb789e4826809877', '7c6bb40f-f224-40ce-b251-50c38bdd2ba0', 1796679670946, 1796679670946);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'e3c1591fec40a94f4628e34186d34b93', '0f44246b-1f66-4825-b857-ad22cd16c231', 1796679670974, 1796679670974);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '6a1d623387248dcb65b212d46506bdee', 'ef5de34a-530a-407f-b383-4ab56c408ad7', 1796679671009, 1796679671009);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'fecd28f75ac3fed24b45506cc5a3b34d', 'a113872f-cc86-4b1f-948d-d6fc50d527d3', 1796679671047, 1796679671047);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'd4652354ce2c1202ff1eb32eb43cd56a', '20e6bfb8-965d-46da-afd1-7ca5704c12c5', 1796679671102, 1796679671102);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '7b99ae57c933a3cc49bd822ea4b8a5c6', 'fbd89042-5032-47c3-b035-45b36e38c007', 1796679671151, 1796679671151);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '8d1cce9a559ff8ae0b41f54abdf1e2f0', '44fd1a31-fb5e-4c61-9f13-bf85e0bacd89', 1796679671197, 1796679671197);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '770dd5e66ae4434f132469c7c185ba29', '63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e', 1796679671234, 1796679671234);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '0b3f334db1e524b1651e9f8592970278', 'fb768a36-675a-42c8-9a91-a4cdabef0c5f', 1796679671266, 1796679671266);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'bc252822c352a968f8a002b0106ccda0', '15314198-f31e-45e6-85f6-8bcfb7af543d', 1796679671308, 1796679671308);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '41536558d9a4cab87ea380e19f15d290', '1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8', 1796679671348, 1796679671348);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '291f3c79594f64b7549037590e3b3fc3', '35037f10-ac41-4b2b-983e-843b8410b62c', 1796679671375, 1796679671375);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '3b9ee9bd7bf780c9c89116850031e4ac', '12130899-74b3-4189-8f3f-2737ccb8ba38', 1796679671412, 1796679671412);
INSERT INTO earlier_release_schema.device_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', '443ff4cf53daa439e2a44dbe050d8cf0', '4affdb42-8ee6-4678-afd3-a152951196a3', 1796679671446, 1796679671446);


--
-- Data for Name: device_tokens; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '54550a6e6eb56ff5386c7d0f2a8e6bd6877946290c81519fd5397851682b085f', '596ce914-d570-4f6d-9401-f0c296303b4d', 1796679670113, 1796679670113, 18, 1796679669848);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '4fada35a0ca7130bb54c6367a9a2572e32d7c4debd5d59acce927140edc1f7ed', 'a5756579-8fea-486b-a393-61258887f876', 1796679670216, 1796679670216, 17, 1796679670185);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'cc0a45983a0cf98011062c579771ddcb1757d4a3aa75ec8b19aee45454a39a01', 'f0025ece-058f-4614-be28-f9d8e95ee0a5', 1796679670287, 1796679670287, 17, 1796679670243);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '3cc2142ab3df4fcc07262916a0aeaa845edfcd62bb1fbbac162f6b542199056c', '36ac7b6e-4f21-451f-997a-a279da8e2eee', 1796679670383, 1796679670383, 18, 1796679670357);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '0432539c2a2f6062ba2674483b71b292d8c95a5316c5ad33c34ae7e533433eeb', '818f8e3a-6562-4553-b0b7-2c7953eccf6e', 1796679670427, 1796679670427, 131, 1796679670400);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'eec4d22b81e048777a7bf58e9a54dbfbe8790ad061b13096503a95f1119c26d2', '85c0fe50-f6e4-4144-9c8f-71dfe7823f04', 1796679670488, 1796679670488, 18, 1796679670467);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'b262e5890d55c8ffc57fe1c7f94ac23c92523f469a96f4fd2abd7e005a74ed4d', '5ad0f073-0871-45c2-bbdf-3beb6657dcce', 1796679670545, 1796679670545, 131, 1796679670528);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '096bd679928aa6ac31879ce7f3fedc5ae71cbb0917f83efae8cd2bd0874af897', 'dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd', 1796679670600, 1796679670600, 131, 1796679670563);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '6162b21c74570e9d2456066c585f2ff0b8f4e787c37b547b857b128b98039a12', 'c536d0e3-73f1-43db-8b36-d06c185c77f7', 1796679670636, 1796679670636, 18, 1796679670620);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '1afb72affb11b349caeaf12cbbcd5a23eb13a5dda9f598965213debfa54b424c', '69f7c469-42d1-4f29-afb0-c534062142bb', 1796679670688, 1796679670688, 131, 1796679670668);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '7023ff269ba5355a6c3fe2f826b01b991f43a348b110678bb725ab013d1e7ee7', '262c5c78-b11e-417b-9c82-e6e92444a133', 1796679670745, 1796679670745, 131, 1796679670724);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'f5efc411ad6ccb4c4f09f8d24fa550c2761a5141ffe45c2359ecc83da8b4c86f', '1c7feab8-030c-4a2a-8baa-94093d1807ec', 1796679670797, 1796679670797, 18, 1796679670778);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'ce80adf49baf377cf167d75f75196f0098578be1f8254a36c40c5e9ab47ec844', '94fb4a33-69fb-4d3c-88fc-0ca29ec73a65', 1796679670834, 1796679670834, 18, 1796679670814);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'e885dad7e962172d5763bf605b5367e47c1d2c8127a9334bf7b59160e58a53d0', 'd6361f13-20d8-498d-8a89-5ed53be9a3b8', 1796679670876, 1796679670876, 17, 1796679670865);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'd0d77032d41041fc61de898cdd4738770165b2a219209a22630626f0c699d7e4', '618471f3-c439-441a-a535-460b7069dc40', 1796679670899, 1796679670899, 18, 1796679670887);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'd1f3a636db87ecb50f75312ca0371b73b6827eb3bd268b1467d4335e4891aaf9', 'ccacd0ed-0de3-4712-87c2-0a9e673052ef', 1796679670922, 1796679670922, 17, 1796679670912);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '8d266cfd86754d108a78a3f434bdd45fda2fbdc91ee3ba61e1e2ed41289ac44b', '7c6bb40f-f224-40ce-b251-50c38bdd2ba0', 1796679670961, 1796679670961, 18, 1796679670946);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'f2124b3b0ed4e87aa70403a0ca68a39172552e9be58c98f608f17e2c70e874f3', '0f44246b-1f66-4825-b857-ad22cd16c231', 1796679670991, 1796679670991, 131, 1796679670974);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '7ae16a36fe8d846f9e7c8dd033f758d7f962cb2b287e307fda20fee6ec8696a4', 'ef5de34a-530a-407f-b383-4ab56c408ad7', 1796679671026, 1796679671026, 131, 1796679671009);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '5790fce54a1e94cc3548637eaecf94c6efa6ca89314521fdf41c0ff3cacebef4', 'a113872f-cc86-4b1f-948d-d6fc50d527d3', 1796679671068, 1796679671068, 18, 1796679671047);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'db3df3358e2d3d779565487b4a7460d675eb1f0985ac6f53ad892ed88907b0ee', '20e6bfb8-965d-46da-afd1-7ca5704c12c5', 1796679671122, 1796679671122, 131, 1796679671102);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '1b78c6d3b549637cfd05eeb1866d31032c341b64759cca0a2e71c1c0740cfca1', 'fbd89042-5032-47c3-b035-45b36e38c007', 1796679671179, 1796679671179, 131, 1796679671151);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'ca713a42e9df1a33334fc3ca7484e7f890d8e604ec71f6e8712a7981356d579e', '44fd1a31-fb5e-4c61-9f13-bf85e0bacd89', 1796679671208, 1796679671208, 131, 1796679671197);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', 'a725a6ae91cc9a35bb40ed1316d6e21a71c13cbf5e628ce3c171985a6a05f4c6', '63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e', 1796679671252, 1796679671252, 18, 1796679671234);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '3771140655fa18791c4c23382f4a9c74a86c7427e2095c44080553b46ee7c0ba', 'fb768a36-675a-42c8-9a91-a4cdabef0c5f', 1796679671292, 1796679671292, 17, 1796679671266);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '9b8d4de5271ba4300484c2421745371e768e67cfd689e82a114ada24635e7603', '15314198-f31e-45e6-85f6-8bcfb7af543d', 1796679671325, 1796679671325, 18, 1796679671308);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '682a05f86a29a2449e763e36ff8ee7b423b0f25520f049f70cca06f43e2d771e', '1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8', 1796679671359, 1796679671359, 17, 1796679671348);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '91322d92c78367aeb6ea4ad2bd89d2bbd53bcbec05897bad845589a24e6f73f6', '35037f10-ac41-4b2b-983e-843b8410b62c', 1796679671390, 1796679671390, 18, 1796679671375);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '5366aac497ac90b9d0411e4663fddd77d708efa01775d3d337081c6263b16207', '12130899-74b3-4189-8f3f-2737ccb8ba38', 1796679671427, 1796679671427, 131, 1796679671412);
INSERT INTO earlier_release_schema.device_tokens VALUES ('app_WRlVGO1Oc2SF3OAp', '73fde0c60ef53a0849503d9ffa3175d383a0c93f554233213a6410155442391a', '4affdb42-8ee6-4678-afd3-a152951196a3', 1796679671466, 1796679671466, 17, 1796679671446);


--
-- Data for Name: devices; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '596ce914-d570-4f6d-9401-f0c296303b4d', 'mobile', 'Safari', 'iOS', 1796679669848, 1796679669848);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'a5756579-8fea-486b-a393-61258887f876', 'tablet', 'Safari', 'iOS', 1796679670185, 1796679670185);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'f0025ece-058f-4614-be28-f9d8e95ee0a5', 'tablet', 'Safari', 'iOS', 1796679670243, 1796679670243);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '36ac7b6e-4f21-451f-997a-a279da8e2eee', 'computer', 'Safari', 'Mac OS', 1796679670357, 1796679670357);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '818f8e3a-6562-4553-b0b7-2c7953eccf6e', 'mobile', 'Chrome', 'Android', 1796679670400, 1796679670400);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '85c0fe50-f6e4-4144-9c8f-71dfe7823f04', 'computer', 'Safari', 'Mac OS', 1796679670467, 1796679670467);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '5ad0f073-0871-45c2-bbdf-3beb6657dcce', 'mobile', 'Chrome', 'Android', 1796679670528, 1796679670528);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd', 'computer', 'Chrome', 'Windows NT', 1796679670563, 1796679670563);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'c536d0e3-73f1-43db-8b36-d06c185c77f7', 'mobile', 'Safari', 'iOS', 1796679670620, 1796679670620);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '69f7c469-42d1-4f29-afb0-c534062142bb', 'mobile', 'Chrome', 'Android', 1796679670668, 1796679670668);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '262c5c78-b11e-417b-9c82-e6e92444a133', 'computer', 'Chrome', 'Windows NT', 1796679670724, 1796679670724);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '1c7feab8-030c-4a2a-8baa-94093d1807ec', 'mobile', 'Safari', 'iOS', 1796679670778, 1796679670778);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '94fb4a33-69fb-4d3c-88fc-0ca29ec73a65', 'mobile', 'Safari', 'iOS', 1796679670814, 1796679670814);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'd6361f13-20d8-498d-8a89-5ed53be9a3b8', 'tablet', 'Safari', 'iOS', 1796679670865, 1796679670865);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '618471f3-c439-441a-a535-460b7069dc40', 'computer', 'Safari', 'Mac OS', 1796679670887, 1796679670887);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'ccacd0ed-0de3-4712-87c2-0a9e673052ef', 'tablet', 'Safari', 'iOS', 1796679670912, 1796679670912);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '7c6bb40f-f224-40ce-b251-50c38bdd2ba0', 'computer', 'Safari', 'Mac OS', 1796679670946, 1796679670946);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '0f44246b-1f66-4825-b857-ad22cd16c231', 'mobile', 'Chrome', 'Android', 1796679670974, 1796679670974);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'ef5de34a-530a-407f-b383-4ab56c408ad7', 'computer', 'Chrome', 'Windows NT', 1796679671009, 1796679671009);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'a113872f-cc86-4b1f-948d-d6fc50d527d3', 'computer', 'Safari', 'Mac OS', 1796679671047, 1796679671047);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '20e6bfb8-965d-46da-afd1-7ca5704c12c5', 'mobile', 'Chrome', 'Android', 1796679671102, 1796679671102);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'fbd89042-5032-47c3-b035-45b36e38c007', 'computer', 'Chrome', 'Windows NT', 1796679671151, 1796679671151);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '44fd1a31-fb5e-4c61-9f13-bf85e0bacd89', 'computer', 'Chrome', 'Windows NT', 1796679671197, 1796679671197);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e', 'mobile', 'Safari', 'iOS', 1796679671234, 1796679671234);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'fb768a36-675a-42c8-9a91-a4cdabef0c5f', 'tablet', 'Safari', 'iOS', 1796679671266, 1796679671266);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '15314198-f31e-45e6-85f6-8bcfb7af543d', 'mobile', 'Safari', 'iOS', 1796679671308, 1796679671308);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8', 'tablet', 'Safari', 'iOS', 1796679671348, 1796679671348);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '35037f10-ac41-4b2b-983e-843b8410b62c', 'computer', 'Safari', 'Mac OS', 1796679671375, 1796679671375);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '12130899-74b3-4189-8f3f-2737ccb8ba38', 'mobile', 'Chrome', 'Android', 1796679671412, 1796679671412);
INSERT INTO earlier_release_schema.devices VALUES ('app_WRlVGO1Oc2SF3OAp', '4affdb42-8ee6-4678-afd3-a152951196a3', 'tablet', 'Safari', 'iOS', 1796679671446, 1796679671446);


--
-- Data for Name: evaluations; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-19b9-7b41-9342-39a0a0e70279', 'user-01', 'login', 'allow', 'a5756579-8fea-486b-a393-61258887f876', '2.125.160.216', 1796679670185, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670185,"userId":"user-01","email":"user-01@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-01-1","device":{"id":"a5756579-8fea-486b-a393-61258887f876","type":"tablet","isNew":true,"fingerprintId":"c7f7e149f52217254072d831fd740d26","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1970-7b90-9b91-15625d04dc59', 'user-01', 'access', 'allow', '596ce914-d570-4f6d-9401-f0c296303b4d', '2.125.160.216', 1796679670113, 1796679671598, '{"action":"access","verdict":"allow","createdAt":1796679670113,"userId":"user-01","email":"user-01@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-01-0","returnTo":"https://shop.example/watch","device":{"id":"596ce914-d570-4f6d-9401-f0c296303b4d","type":"mobile","isNew":false,"fingerprintId":"a032d5a72d3ffe8544ffc8b7ff09fcf2","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1996-7022-9556-91321901e524', 'user-01', 'access', 'allow', '596ce914-d570-4f6d-9401-f0c296303b4d', '216.160.83.56', 1796679670153, 1796679671613, '{"action":"access","verdict":"allow","createdAt":1796679670153,"userId":"user-01","email":"user-01@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-01-0","returnTo":"https://shop.example/watch","device":{"id":"596ce914-d570-4f6d-9401-f0c296303b4d","type":"mobile","isNew":false,"fingerprintId":"a032d5a72d3ffe8544ffc8b7ff09fcf2","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-19d1-7a1d-b69d-f1a3b4b18ad5', 'user-01', 'access', 'allow', 'a5756579-8fea-486b-a393-61258887f876', '216.160.83.56', 1796679670216, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670216,"userId":"user-01","email":"user-01@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-01-1","returnTo":"https://shop.example/watch","device":{"id":"a5756579-8fea-486b-a393-61258887f876","type":"tablet","isNew":false,"fingerprintId":"c7f7e149f52217254072d831fd740d26","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-19e8-7cb8-b5ba-e6cc085d7824', 'user-02', 'signup', 'allow', 'f0025ece-058f-4614-be28-f9d8e95ee0a5', '2.125.160.216', 1796679670243, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679670243,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-02-0","device":{"id":"f0025ece-058f-4614-be28-f9d8e95ee0a5","type":"tablet","isNew":true,"fingerprintId":"52213b257691fef6685c5c8a3a25ec6f","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1a1d-78d2-9da4-56e84584de78', 'user-02', 'access', 'allow', 'f0025ece-058f-4614-be28-f9d8e95ee0a5', '216.160.83.56', 1796679670287, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670287,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-02-0","returnTo":"https://shop.example/watch","device":{"id":"f0025ece-058f-4614-be28-f9d8e95ee0a5","type":"tablet","isNew":false,"fingerprintId":"52213b257691fef6685c5c8a3a25ec6f","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1a3b-77f2-862b-53b172c1572d', 'user-02', 'access', 'allow', 'f0025ece-058f-4614-be28-f9d8e95ee0a5', '175.16.199.1', 1796679670323, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670323,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-02-0","returnTo":"https://shop.example/watch","device":{"id":"f0025ece-058f-4614-be28-f9d8e95ee0a5","type":"tablet","isNew":false,"fingerprintId":"52213b257691fef6685c5c8a3a25ec6f","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1a60-78d4-9d6c-4ac09f50636c', 'user-02', 'login', 'allow', '36ac7b6e-4f21-451f-997a-a279da8e2eee', '216.160.83.56', 1796679670357, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670357,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-02-1","device":{"id":"36ac7b6e-4f21-451f-997a-a279da8e2eee","type":"computer","isNew":true,"fingerprintId":"2565ce25c6fae32578eaa94dbcfe1e23","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1a74-7111-9a5c-0ba49a1cfa8a', 'user-02', 'access', 'allow', '36ac7b6e-4f21-451f-997a-a279da8e2eee', '175.16.199.1', 1796679670383, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670383,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-02-1","returnTo":"https://shop.example/watch","device":{"id":"36ac7b6e-4f21-451f-997a-a279da8e2eee","type":"computer","isNew":false,"fingerprintId":"2565ce25c6fae32578eaa94dbcfe1e23","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1a8e-7566-a2ff-e958ca4cd963', 'user-02', 'login', 'allow', '818f8e3a-6562-4553-b0b7-2c7953eccf6e', '175.16.199.1', 1796679670400, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670400,"userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-02-2","device":{"id":"818f8e3a-6562-4553-b0b7-2c7953eccf6e","type":"mobile","isNew":true,"fingerprintId":"f7043489780687d4cd9f3a231aa9a995","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1aa1-7e58-8f46-9309d7a86a61', 'user-02', 'access', 'challenge', '818f8e3a-6562-4553-b0b7-2c7953eccf6e', '2a02:cf40::1:2', 1796679670427, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679670427,"redirect":"http://127.0.0.1:32895/challenge/ch_HV4Dlv9ONbR5GLfwqgxmw2LKFXQZU1HB","userId":"user-02","email":"user-02@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-02-2","returnTo":"https://shop.example/watch","device":{"id":"818f8e3a-6562-4553-b0b7-2c7953eccf6e","type":"mobile","isNew":false,"fingerprintId":"f7043489780687d4cd9f3a231aa9a995","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":4,"ip_country":"HK","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 4 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"policy":{"id":"pol_kGnoSkHjqsypHlez","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_HV4Dlv9ONbR5GLfwqgxmw2LKFXQZU1HB","type":"device_limit","status":"created","expiresAt":1796680270427},"logout":false}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1ac7-7bc0-bdfc-3a5c236abdbd', 'user-03', 'signup', 'allow', '85c0fe50-f6e4-4144-9c8f-71dfe7823f04', '216.160.83.56', 1796679670467, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679670467,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-03-0","device":{"id":"85c0fe50-f6e4-4144-9c8f-71dfe7823f04","type":"computer","isNew":true,"fingerprintId":"62982406d2e82beb1b73573bdda2abb8","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1adb-7bd8-8950-b6f262954278', 'user-03', 'access', 'allow', '85c0fe50-f6e4-4144-9c8f-71dfe7823f04', '175.16.199.1', 1796679670488, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670488,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-03-0","returnTo":"https://shop.example/watch","device":{"id":"85c0fe50-f6e4-4144-9c8f-71dfe7823f04","type":"computer","isNew":false,"fingerprintId":"62982406d2e82beb1b73573bdda2abb8","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1aee-73b9-91ae-b14e27b8fae3', 'user-03', 'access', 'allow', '85c0fe50-f6e4-4144-9c8f-71dfe7823f04', '2a02:cf40::1:2', 1796679670507, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670507,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-03-0","returnTo":"https://shop.example/watch","device":{"id":"85c0fe50-f6e4-4144-9c8f-71dfe7823f04","type":"computer","isNew":false,"fingerprintId":"62982406d2e82beb1b73573bdda2abb8","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1b03-77d2-b091-85e5494d4cc5', 'user-03', 'login', 'allow', '5ad0f073-0871-45c2-bbdf-3beb6657dcce', '175.16.199.1', 1796679670528, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670528,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-03-1","device":{"id":"5ad0f073-0871-45c2-bbdf-3beb6657dcce","type":"mobile","isNew":true,"fingerprintId":"27f9c630c54a88be0451119b1dbb474d","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1b16-7540-98b1-b91126b01e51', 'user-03', 'access', 'allow', '5ad0f073-0871-45c2-bbdf-3beb6657dcce', '2a02:cf40::1:2', 1796679670545, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670545,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-03-1","returnTo":"https://shop.example/watch","device":{"id":"5ad0f073-0871-45c2-bbdf-3beb6657dcce","type":"mobile","isNew":false,"fingerprintId":"27f9c630c54a88be0451119b1dbb474d","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1b38-7371-9154-25949e495fac', 'user-03', 'login', 'allow', 'dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd', '2a02:cf40::1:2', 1796679670563, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670563,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-03-2","device":{"id":"dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd","type":"computer","isNew":true,"fingerprintId":"6b3df1192587aabc7d9be36e97361dc0","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":2,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1b51-7971-a302-07fa25e1e0f8', 'user-03', 'access', 'challenge', 'dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd', '67.43.156.1', 1796679670600, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679670600,"redirect":"http://127.0.0.1:32895/challenge/ch_4ZWzgF7jFa2mVpNBPvGTZ6j6bP6OrhAq","userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-03-2","returnTo":"https://shop.example/watch","device":{"id":"dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd","type":"computer","isNew":false,"fingerprintId":"6b3df1192587aabc7d9be36e97361dc0","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":2,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":54,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"policy":{"id":"pol_kGnoSkHjqsypHlez","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_4ZWzgF7jFa2mVpNBPvGTZ6j6bP6OrhAq","type":"device_limit","status":"created","expiresAt":1796680270600},"logout":false}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1b61-7ce4-bf65-e2858675479d', 'user-03', 'login', 'allow', 'c536d0e3-73f1-43db-8b36-d06c185c77f7', '67.43.156.1', 1796679670620, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670620,"userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-03-3","device":{"id":"c536d0e3-73f1-43db-8b36-d06c185c77f7","type":"mobile","isNew":true,"fingerprintId":"f8feb9888274bccf3de11312712352bd","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":4,"computer_device_count":2,"tablet_device_count":0,"mobile_device_count":2,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":8,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1b70-718f-acc7-51a8c25431c4', 'user-03', 'access', 'challenge', 'c536d0e3-73f1-43db-8b36-d06c185c77f7', '202.196.224.1', 1796679670636, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679670636,"redirect":"http://127.0.0.1:32895/challenge/ch_3a3PnLhUjz7rkaM0IHCva8RNacJ1Gx70","userId":"user-03","email":"user-03@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-03-3","returnTo":"https://shop.example/watch","device":{"id":"c536d0e3-73f1-43db-8b36-d06c185c77f7","type":"mobile","isNew":false,"fingerprintId":"f8feb9888274bccf3de11312712352bd","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":4,"computer_device_count":2,"tablet_device_count":0,"mobile_device_count":2,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":9,"has_high_velocity":false},"risk":{"score":54,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"policy":{"id":"pol_kGnoSkHjqsypHlez","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":4.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_3a3PnLhUjz7rkaM0IHCva8RNacJ1Gx70","type":"device_limit","status":"created","expiresAt":1796680270636},"logout":false}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1b91-727e-9063-64016ab58cd6', 'user-04', 'signup', 'allow', '69f7c469-42d1-4f29-afb0-c534062142bb', '175.16.199.1', 1796679670668, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679670668,"userId":"user-04","email":"user-04@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-04-0","device":{"id":"69f7c469-42d1-4f29-afb0-c534062142bb","type":"mobile","isNew":true,"fingerprintId":"8ffd618245b85a8ff23e8b602ef074e1","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1ba8-7e65-b09f-b328a631effc', 'user-04', 'access', 'allow', '69f7c469-42d1-4f29-afb0-c534062142bb', '2a02:cf40::1:2', 1796679670688, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670688,"userId":"user-04","email":"user-04@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-04-0","returnTo":"https://shop.example/watch","device":{"id":"69f7c469-42d1-4f29-afb0-c534062142bb","type":"mobile","isNew":false,"fingerprintId":"8ffd618245b85a8ff23e8b602ef074e1","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"HK","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1bb7-78e3-b5ee-aeac1a39eaff', 'user-04', 'access', 'allow', '69f7c469-42d1-4f29-afb0-c534062142bb', '67.43.156.1', 1796679670708, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670708,"userId":"user-04","email":"user-04@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-04-0","returnTo":"https://shop.example/watch","device":{"id":"69f7c469-42d1-4f29-afb0-c534062142bb","type":"mobile","isNew":false,"fingerprintId":"8ffd618245b85a8ff23e8b602ef074e1","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1bcc-751d-a166-3aa04d3bef2c', 'user-05', 'signup', 'allow', '262c5c78-b11e-417b-9c82-e6e92444a133', '2a02:cf40::1:2', 1796679670724, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679670724,"userId":"user-05","email":"user-05@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-05-0","device":{"id":"262c5c78-b11e-417b-9c82-e6e92444a133","type":"computer","isNew":true,"fingerprintId":"2ad6b48625776ac0fee7a2d6d787ac0c","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"HK","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1bdc-78d2-9bd4-d0f3f1b9699c', 'user-05', 'access', 'allow', '262c5c78-b11e-417b-9c82-e6e92444a133', '67.43.156.1', 1796679670745, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670745,"userId":"user-05","email":"user-05@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-05-0","returnTo":"https://shop.example/watch","device":{"id":"262c5c78-b11e-417b-9c82-e6e92444a133","type":"computer","isNew":false,"fingerprintId":"2ad6b48625776ac0fee7a2d6d787ac0c","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1be9-797d-b92e-72d0dc003156', 'user-05', 'access', 'allow', '262c5c78-b11e-417b-9c82-e6e92444a133', '202.196.224.1', 1796679670758, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670758,"userId":"user-05","email":"user-05@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-05-0","returnTo":"https://shop.example/watch","device":{"id":"262c5c78-b11e-417b-9c82-e6e92444a133","type":"computer","isNew":false,"fingerprintId":"2ad6b48625776ac0fee7a2d6d787ac0c","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c00-7d3e-80d5-6be4d30f2d58', 'user-05', 'login', 'allow', '1c7feab8-030c-4a2a-8baa-94093d1807ec', '67.43.156.1', 1796679670778, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670778,"userId":"user-05","email":"user-05@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-05-1","device":{"id":"1c7feab8-030c-4a2a-8baa-94093d1807ec","type":"mobile","isNew":true,"fingerprintId":"a359d7afb00dc8fe6d35c7896af7d67d","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c11-7094-90a0-8e1a53db8495', 'user-05', 'access', 'allow', '1c7feab8-030c-4a2a-8baa-94093d1807ec', '202.196.224.1', 1796679670797, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670797,"userId":"user-05","email":"user-05@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-05-1","returnTo":"https://shop.example/watch","device":{"id":"1c7feab8-030c-4a2a-8baa-94093d1807ec","type":"mobile","isNew":false,"fingerprintId":"a359d7afb00dc8fe6d35c7896af7d67d","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c28-7a9b-a9aa-ba6467eb97af', 'user-06', 'signup', 'allow', '94fb4a33-69fb-4d3c-88fc-0ca29ec73a65', '67.43.156.1', 1796679670814, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679670814,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-06-0","device":{"id":"94fb4a33-69fb-4d3c-88fc-0ca29ec73a65","type":"mobile","isNew":true,"fingerprintId":"93f3517af884138bf675a8b3d895d9e6","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c35-7509-8b86-36aebee53a03', 'user-06', 'access', 'allow', '94fb4a33-69fb-4d3c-88fc-0ca29ec73a65', '202.196.224.1', 1796679670834, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670834,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-06-0","returnTo":"https://shop.example/watch","device":{"id":"94fb4a33-69fb-4d3c-88fc-0ca29ec73a65","type":"mobile","isNew":false,"fingerprintId":"93f3517af884138bf675a8b3d895d9e6","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c47-77b1-88bd-b8f6ea2fc9f7', 'user-06', 'access', 'allow', '94fb4a33-69fb-4d3c-88fc-0ca29ec73a65', '81.2.69.160', 1796679670852, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670852,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-06-0","returnTo":"https://shop.example/watch","device":{"id":"94fb4a33-69fb-4d3c-88fc-0ca29ec73a65","type":"mobile","isNew":false,"fingerprintId":"93f3517af884138bf675a8b3d895d9e6","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c54-74a7-aba1-04d0f68202be', 'user-06', 'login', 'allow', 'd6361f13-20d8-498d-8a89-5ed53be9a3b8', '202.196.224.1', 1796679670865, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670865,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-06-1","device":{"id":"d6361f13-20d8-498d-8a89-5ed53be9a3b8","type":"tablet","isNew":true,"fingerprintId":"99f39132c47e7955bbf594969122cdd5","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c5e-7cdf-ba95-cfc3d6021350', 'user-06', 'access', 'allow', 'd6361f13-20d8-498d-8a89-5ed53be9a3b8', '81.2.69.160', 1796679670876, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670876,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-06-1","returnTo":"https://shop.example/watch","device":{"id":"d6361f13-20d8-498d-8a89-5ed53be9a3b8","type":"tablet","isNew":false,"fingerprintId":"99f39132c47e7955bbf594969122cdd5","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c6c-7c21-9a12-c3de93012f83', 'user-06', 'login', 'allow', '618471f3-c439-441a-a535-460b7069dc40', '81.2.69.160', 1796679670887, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670887,"userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-06-2","device":{"id":"618471f3-c439-441a-a535-460b7069dc40","type":"computer","isNew":true,"fingerprintId":"2992b8342b3f8962aa59bbcef9395e4f","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c75-7a04-a152-4cfe301a73f5', 'user-06', 'access', 'challenge', '618471f3-c439-441a-a535-460b7069dc40', '89.160.20.128', 1796679670899, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679670899,"redirect":"http://127.0.0.1:32895/challenge/ch_Q0dlDF8mvB1gppqMnedgqsk2PMiLavwB","userId":"user-06","email":"user-06@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-06-2","returnTo":"https://shop.example/watch","device":{"id":"618471f3-c439-441a-a535-460b7069dc40","type":"computer","isNew":false,"fingerprintId":"2992b8342b3f8962aa59bbcef9395e4f","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":4,"ip_country":"SE","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 4 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"policy":{"id":"pol_kGnoSkHjqsypHlez","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_Q0dlDF8mvB1gppqMnedgqsk2PMiLavwB","type":"device_limit","status":"created","expiresAt":1796680270899},"logout":false}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c81-711a-b7fa-c561b7541645', 'user-07', 'signup', 'allow', 'ccacd0ed-0de3-4712-87c2-0a9e673052ef', '202.196.224.1', 1796679670912, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679670912,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-07-0","device":{"id":"ccacd0ed-0de3-4712-87c2-0a9e673052ef","type":"tablet","isNew":true,"fingerprintId":"55fe363dcb42256db2bc33f713b3e7b1","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c8d-7610-a082-a09b97cd3241', 'user-07', 'access', 'allow', 'ccacd0ed-0de3-4712-87c2-0a9e673052ef', '81.2.69.160', 1796679670922, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670922,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-07-0","returnTo":"https://shop.example/watch","device":{"id":"ccacd0ed-0de3-4712-87c2-0a9e673052ef","type":"tablet","isNew":false,"fingerprintId":"55fe363dcb42256db2bc33f713b3e7b1","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1c97-7059-b2ff-e85d60c87ca2', 'user-07', 'access', 'allow', 'ccacd0ed-0de3-4712-87c2-0a9e673052ef', '89.160.20.128', 1796679670933, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670933,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-07-0","returnTo":"https://shop.example/watch","device":{"id":"ccacd0ed-0de3-4712-87c2-0a9e673052ef","type":"tablet","isNew":false,"fingerprintId":"55fe363dcb42256db2bc33f713b3e7b1","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"SE","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1ca7-768e-8fc7-3c35f88e8594', 'user-07', 'login', 'allow', '7c6bb40f-f224-40ce-b251-50c38bdd2ba0', '81.2.69.160', 1796679670946, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670946,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-07-1","device":{"id":"7c6bb40f-f224-40ce-b251-50c38bdd2ba0","type":"computer","isNew":true,"fingerprintId":"00bda99ed115851cdb789e4826809877","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1cb4-7f47-83cb-013c96b90c04', 'user-07', 'access', 'allow', '7c6bb40f-f224-40ce-b251-50c38bdd2ba0', '89.160.20.128', 1796679670961, NULL, '{"action":"access","verdict":"allow","createdAt":1796679670961,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-07-1","returnTo":"https://shop.example/watch","device":{"id":"7c6bb40f-f224-40ce-b251-50c38bdd2ba0","type":"computer","isNew":false,"fingerprintId":"00bda99ed115851cdb789e4826809877","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":0,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"SE","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1cc5-776e-8515-1e0282fe9b56', 'user-07', 'login', 'allow', '0f44246b-1f66-4825-b857-ad22cd16c231', '89.160.20.128', 1796679670974, NULL, '{"action":"login","verdict":"allow","createdAt":1796679670974,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-07-2","device":{"id":"0f44246b-1f66-4825-b857-ad22cd16c231","type":"mobile","isNew":true,"fingerprintId":"e3c1591fec40a94f4628e34186d34b93","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"SE","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1cd2-7c6c-b131-b82f4c2fbb6c', 'user-07', 'access', 'challenge', '0f44246b-1f66-4825-b857-ad22cd16c231', '2.125.160.216', 1796679670991, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679670991,"redirect":"http://127.0.0.1:32895/challenge/ch_rw9ngUy1uQ78nGP1AKzQMA04Jn3SuqU2","userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-07-2","returnTo":"https://shop.example/watch","device":{"id":"0f44246b-1f66-4825-b857-ad22cd16c231","type":"mobile","isNew":false,"fingerprintId":"e3c1591fec40a94f4628e34186d34b93","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":54,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"policy":{"id":"pol_kGnoSkHjqsypHlez","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_rw9ngUy1uQ78nGP1AKzQMA04Jn3SuqU2","type":"device_limit","status":"created","expiresAt":1796680270991},"logout":false}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1ce6-770c-885e-3f0912aacd60', 'user-07', 'login', 'allow', 'ef5de34a-530a-407f-b383-4ab56c408ad7', '2.125.160.216', 1796679671009, NULL, '{"action":"login","verdict":"allow","createdAt":1796679671009,"userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-07-3","device":{"id":"ef5de34a-530a-407f-b383-4ab56c408ad7","type":"computer","isNew":true,"fingerprintId":"6a1d623387248dcb65b212d46506bdee","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":true,"device_count":4,"computer_device_count":2,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":8,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"concurrent_sessions","points":40,"detail":"another session of the account is live on another network, same device type"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1cf8-73a9-b60d-a06139d84f04', 'user-07', 'access', 'challenge', 'ef5de34a-530a-407f-b383-4ab56c408ad7', '216.160.83.56', 1796679671026, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679671026,"redirect":"http://127.0.0.1:32895/challenge/ch_eN64sl7tpim0f65L1a4NCKudEZlG6CuI","userId":"user-07","email":"user-07@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-07-3","returnTo":"https://shop.example/watch","device":{"id":"ef5de34a-530a-407f-b383-4ab56c408ad7","type":"computer","isNew":false,"fingerprintId":"6a1d623387248dcb65b212d46506bdee","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":true,"device_count":4,"computer_device_count":2,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":4,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":9,"has_high_velocity":false},"risk":{"score":75,"signals":[{"name":"concurrent_sessions","points":40,"detail":"another session of the account is live on another network, same device type"},{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 4 (at least 3)"}],"risks":[{"category":"account_sharing","score":74,"severity":"high"},{"category":"ato","score":49,"severity":"medium"}]},"policy":{"id":"pol_kGnoSkHjqsypHlez","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":4.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_eN64sl7tpim0f65L1a4NCKudEZlG6CuI","type":"device_limit","status":"created","expiresAt":1796680271026},"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1d0e-779f-869b-bd89c9dda675', 'user-08', 'signup', 'allow', 'a113872f-cc86-4b1f-948d-d6fc50d527d3', '81.2.69.160', 1796679671047, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679671047,"userId":"user-08","email":"user-08@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-08-0","device":{"id":"a113872f-cc86-4b1f-948d-d6fc50d527d3","type":"computer","isNew":true,"fingerprintId":"fecd28f75ac3fed24b45506cc5a3b34d","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"81.2.69.160","country":"GB","city":"London","latitude":51.51430130004883,"longitude":-0.09122440218925476,"asn":20712,"asnOrg":"Andrews & Arnold Ltd"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'GB', 51.51430130004883, -0.09122440218925476, 50, '81.2.69.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1d23-78dc-8083-f4f5ad4ee119', 'user-08', 'access', 'allow', 'a113872f-cc86-4b1f-948d-d6fc50d527d3', '89.160.20.128', 1796679671068, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671068,"userId":"user-08","email":"user-08@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-08-0","returnTo":"https://shop.example/watch","device":{"id":"a113872f-cc86-4b1f-948d-d6fc50d527d3","type":"computer","isNew":false,"fingerprintId":"fecd28f75ac3fed24b45506cc5a3b34d","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"SE","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1d33-751d-98f1-1f40864b4851', 'user-08', 'access', 'allow', 'a113872f-cc86-4b1f-948d-d6fc50d527d3', '2.125.160.216', 1796679671086, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671086,"userId":"user-08","email":"user-08@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-08-0","returnTo":"https://shop.example/watch","device":{"id":"a113872f-cc86-4b1f-948d-d6fc50d527d3","type":"computer","isNew":false,"fingerprintId":"fecd28f75ac3fed24b45506cc5a3b34d","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":false,"country_count_24h":2,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":43,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"}],"risks":[{"category":"account_sharing","score":40,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1d42-746c-895a-ab20f0616e6d', 'user-09', 'signup', 'allow', '20e6bfb8-965d-46da-afd1-7ca5704c12c5', '89.160.20.128', 1796679671102, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679671102,"userId":"user-09","email":"user-09@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-09-0","device":{"id":"20e6bfb8-965d-46da-afd1-7ca5704c12c5","type":"mobile","isNew":true,"fingerprintId":"d4652354ce2c1202ff1eb32eb43cd56a","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"SE","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1d56-7588-9eef-450f0cae53ce', 'user-09', 'access', 'allow', '20e6bfb8-965d-46da-afd1-7ca5704c12c5', '2.125.160.216', 1796679671122, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671122,"userId":"user-09","email":"user-09@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-09-0","returnTo":"https://shop.example/watch","device":{"id":"20e6bfb8-965d-46da-afd1-7ca5704c12c5","type":"mobile","isNew":false,"fingerprintId":"d4652354ce2c1202ff1eb32eb43cd56a","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1d61-7517-aaab-c75ff0a9c1b2', 'user-09', 'access', 'allow', '20e6bfb8-965d-46da-afd1-7ca5704c12c5', '216.160.83.56', 1796679671135, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671135,"userId":"user-09","email":"user-09@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-09-0","returnTo":"https://shop.example/watch","device":{"id":"20e6bfb8-965d-46da-afd1-7ca5704c12c5","type":"mobile","isNew":false,"fingerprintId":"d4652354ce2c1202ff1eb32eb43cd56a","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1d7e-7bb4-af84-723c55598df9', 'user-09', 'login', 'allow', 'fbd89042-5032-47c3-b035-45b36e38c007', '2.125.160.216', 1796679671151, NULL, '{"action":"login","verdict":"allow","createdAt":1796679671151,"userId":"user-09","email":"user-09@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-09-1","device":{"id":"fbd89042-5032-47c3-b035-45b36e38c007","type":"computer","isNew":true,"fingerprintId":"7b99ae57c933a3cc49bd822ea4b8a5c6","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1d8f-7394-9b26-e77a7b298071', 'user-09', 'access', 'allow', 'fbd89042-5032-47c3-b035-45b36e38c007', '216.160.83.56', 1796679671179, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671179,"userId":"user-09","email":"user-09@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-09-1","returnTo":"https://shop.example/watch","device":{"id":"fbd89042-5032-47c3-b035-45b36e38c007","type":"computer","isNew":false,"fingerprintId":"7b99ae57c933a3cc49bd822ea4b8a5c6","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1d9f-7e73-8968-fce3152fd477', 'user-10', 'signup', 'allow', '44fd1a31-fb5e-4c61-9f13-bf85e0bacd89', '2.125.160.216', 1796679671197, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679671197,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-10-0","device":{"id":"44fd1a31-fb5e-4c61-9f13-bf85e0bacd89","type":"computer","isNew":true,"fingerprintId":"8d1cce9a559ff8ae0b41f54abdf1e2f0","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"2.125.160.216","country":"GB","city":"Bugle","latitude":50.39580154418945,"longitude":-4.79334020614624,"asn":5607,"asnOrg":"Sky UK Limited"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":false,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"GB","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'GB', 50.39580154418945, -4.79334020614624, 50, '2.125.160.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1dab-7540-b8fc-6f8c5cbae573', 'user-10', 'access', 'allow', '44fd1a31-fb5e-4c61-9f13-bf85e0bacd89', '216.160.83.56', 1796679671208, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671208,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-10-0","returnTo":"https://shop.example/watch","device":{"id":"44fd1a31-fb5e-4c61-9f13-bf85e0bacd89","type":"computer","isNew":false,"fingerprintId":"8d1cce9a559ff8ae0b41f54abdf1e2f0","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1db7-78de-a8a1-68eea6089a32', 'user-10', 'access', 'allow', '44fd1a31-fb5e-4c61-9f13-bf85e0bacd89', '175.16.199.1', 1796679671221, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671221,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-10-0","returnTo":"https://shop.example/watch","device":{"id":"44fd1a31-fb5e-4c61-9f13-bf85e0bacd89","type":"computer","isNew":false,"fingerprintId":"8d1cce9a559ff8ae0b41f54abdf1e2f0","confidence":1.0,"browser":"Chrome","os":"Windows NT","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":0,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1dc8-71c0-8c00-f5590ca6594f', 'user-10', 'login', 'allow', '63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e', '216.160.83.56', 1796679671234, NULL, '{"action":"login","verdict":"allow","createdAt":1796679671234,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-10-1","device":{"id":"63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e","type":"mobile","isNew":true,"fingerprintId":"770dd5e66ae4434f132469c7c185ba29","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1dd7-78ac-b64d-f2eb7973e027', 'user-10', 'access', 'allow', '63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e', '175.16.199.1', 1796679671252, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671252,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-10-1","returnTo":"https://shop.example/watch","device":{"id":"63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e","type":"mobile","isNew":false,"fingerprintId":"770dd5e66ae4434f132469c7c185ba29","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":1,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1dea-7030-8534-ab7cb45cb2a7', 'user-10', 'login', 'allow', 'fb768a36-675a-42c8-9a91-a4cdabef0c5f', '175.16.199.1', 1796679671266, NULL, '{"action":"login","verdict":"allow","createdAt":1796679671266,"userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-10-2","device":{"id":"fb768a36-675a-42c8-9a91-a4cdabef0c5f","type":"tablet","isNew":true,"fingerprintId":"0b3f334db1e524b1651e9f8592970278","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1dff-7c60-85c0-d07ffba892a6', 'user-10', 'access', 'challenge', 'fb768a36-675a-42c8-9a91-a4cdabef0c5f', '2a02:cf40::1:2', 1796679671292, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679671292,"redirect":"http://127.0.0.1:32895/challenge/ch_gXrhr0V9RzJCLoxCTOowQeFVKpTXKN5N","userId":"user-10","email":"user-10@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-10-2","returnTo":"https://shop.example/watch","device":{"id":"fb768a36-675a-42c8-9a91-a4cdabef0c5f","type":"tablet","isNew":false,"fingerprintId":"0b3f334db1e524b1651e9f8592970278","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":4,"ip_country":"HK","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 4 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"policy":{"id":"pol_kGnoSkHjqsypHlez","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_gXrhr0V9RzJCLoxCTOowQeFVKpTXKN5N","type":"device_limit","status":"created","expiresAt":1796680271292},"logout":false}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1e13-7a88-9ba7-ba4f424c3016', 'user-11', 'signup', 'allow', '15314198-f31e-45e6-85f6-8bcfb7af543d', '216.160.83.56', 1796679671308, NULL, '{"action":"signup","verdict":"allow","createdAt":1796679671308,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-11-0","device":{"id":"15314198-f31e-45e6-85f6-8bcfb7af543d","type":"mobile","isNew":true,"fingerprintId":"bc252822c352a968f8a002b0106ccda0","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"216.160.83.56","country":"US","city":"Puyallup","latitude":47.142601013183594,"longitude":-122.29199981689453,"asn":209,"asnOrg":"CenturyLink Communications, LLC"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'US', 47.142601013183594, -122.29199981689453, 50, '216.160.83.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1e20-7df0-be66-008c615251c8', 'user-11', 'access', 'allow', '15314198-f31e-45e6-85f6-8bcfb7af543d', '175.16.199.1', 1796679671325, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671325,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-11-0","returnTo":"https://shop.example/watch","device":{"id":"15314198-f31e-45e6-85f6-8bcfb7af543d","type":"mobile","isNew":false,"fingerprintId":"bc252822c352a968f8a002b0106ccda0","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":2,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":2,"has_high_velocity":false},"risk":{"score":49,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"}],"risks":[{"category":"account_sharing","score":46,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1e2b-7d86-ae0f-806d12ec3d37', 'user-11', 'access', 'allow', '15314198-f31e-45e6-85f6-8bcfb7af543d', '2a02:cf40::1:2', 1796679671336, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671336,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":2},"sessionId":"s-user-11-0","returnTo":"https://shop.example/watch","device":{"id":"15314198-f31e-45e6-85f6-8bcfb7af543d","type":"mobile","isNew":false,"fingerprintId":"bc252822c352a968f8a002b0106ccda0","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":true,"is_new_country":true,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":3,"has_high_velocity":false},"risk":{"score":59,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"new_country","points":10,"detail":"first time this country is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":57,"severity":"medium"},{"category":"ato","score":49,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1e37-75d6-95d8-70abeef22527', 'user-11', 'login', 'allow', '1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8', '175.16.199.1', 1796679671348, NULL, '{"action":"login","verdict":"allow","createdAt":1796679671348,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-11-1","device":{"id":"1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8","type":"tablet","isNew":true,"fingerprintId":"41536558d9a4cab87ea380e19f15d290","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"175.16.199.1","country":"CN","city":"Jilin","latitude":43.837799072265625,"longitude":126.54900360107422,"asn":4837,"asnOrg":"CHINA UNICOM China169 Backbone"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":4,"has_high_velocity":false},"risk":{"score":57,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":46,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'CN', 43.837799072265625, 126.54900360107422, 50, '175.16.199.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1e43-720e-ac8b-e415deb066eb', 'user-11', 'access', 'allow', '1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8', '2a02:cf40::1:2', 1796679671359, NULL, '{"action":"access","verdict":"allow","createdAt":1796679671359,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-11-1","returnTo":"https://shop.example/watch","device":{"id":"1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8","type":"tablet","isNew":false,"fingerprintId":"41536558d9a4cab87ea380e19f15d290","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":5,"has_high_velocity":false},"risk":{"score":52,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":40,"severity":"medium"}]},"monitoredPolicies":[],"logout":false}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1e53-7b18-aa44-b33437b2604e', 'user-11', 'login', 'allow', '35037f10-ac41-4b2b-983e-843b8410b62c', '2a02:cf40::1:2', 1796679671375, NULL, '{"action":"login","verdict":"allow","createdAt":1796679671375,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-11-2","device":{"id":"35037f10-ac41-4b2b-983e-843b8410b62c","type":"computer","isNew":true,"fingerprintId":"291f3c79594f64b7549037590e3b3fc3","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"2a02:cf40::1:2","country":"HK","city":"Ma Tau Wai Estate","latitude":22.32379913330078,"longitude":114.18699645996094,"asn":62121,"asnOrg":"Christian Ebsen ApS"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"HK","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false}', 'HK', 22.32379913330078, 114.18699645996094, 50, '2a02:cf40::/64');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1e63-778e-b8a9-5bebb4614db5', 'user-11', 'access', 'challenge', '35037f10-ac41-4b2b-983e-843b8410b62c', '67.43.156.1', 1796679671390, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679671390,"redirect":"http://127.0.0.1:32895/challenge/ch_dTojYvOlpdsBbo6SMIcnIWNlqk4757Zw","userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-11-2","returnTo":"https://shop.example/watch","device":{"id":"35037f10-ac41-4b2b-983e-843b8410b62c","type":"computer","isNew":false,"fingerprintId":"291f3c79594f64b7549037590e3b3fc3","confidence":1.0,"browser":"Safari","os":"Mac OS","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":3,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":1,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":7,"has_high_velocity":false},"risk":{"score":54,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"policy":{"id":"pol_kGnoSkHjqsypHlez","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":3.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_dTojYvOlpdsBbo6SMIcnIWNlqk4757Zw","type":"device_limit","status":"created","expiresAt":1796680271390},"logout":false}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1e79-7c20-9d17-8ed29867abcc', 'user-11', 'login', 'allow', '12130899-74b3-4189-8f3f-2737ccb8ba38', '67.43.156.1', 1796679671412, NULL, '{"action":"login","verdict":"allow","createdAt":1796679671412,"userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-11-3","device":{"id":"12130899-74b3-4189-8f3f-2737ccb8ba38","type":"mobile","isNew":true,"fingerprintId":"3b9ee9bd7bf780c9c89116850031e4ac","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"67.43.156.1","country":"US","city":"Honolulu","latitude":21.36440086364746,"longitude":-157.86900329589844,"asn":35908,"asnOrg":"Krypt Technologies"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":false,"token_mismatch":false,"concurrent_sessions":false,"device_count":4,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":2,"impossible_travel":false,"is_new_country":false,"country_count_24h":3,"ip_country":"US","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":8,"has_high_velocity":false},"risk":{"score":28,"signals":[{"name":"new_device","points":10,"detail":"first time this device is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":10,"severity":"low"}]},"monitoredPolicies":[],"logout":false}', 'US', 21.36440086364746, -157.86900329589844, 50, '67.43.156.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1e88-778b-8bae-9bc910b13355', 'user-11', 'access', 'challenge', '12130899-74b3-4189-8f3f-2737ccb8ba38', '202.196.224.1', 1796679671427, NULL, '{"action":"access","verdict":"challenge","createdAt":1796679671427,"redirect":"http://127.0.0.1:32895/challenge/ch_JL6WTvG7PH0ZEn46AgzDgqll365wOIXW","userId":"user-11","email":"user-11@mail.example","metadata":{"plan":"family","visit":1},"sessionId":"s-user-11-3","returnTo":"https://shop.example/watch","device":{"id":"12130899-74b3-4189-8f3f-2737ccb8ba38","type":"mobile","isNew":false,"fingerprintId":"3b9ee9bd7bf780c9c89116850031e4ac","confidence":1.0,"browser":"Chrome","os":"Android","localIps":[]},"publicIp":{"address":"202.196.224.1","country":"CN","city":"Beijing","latitude":39.90420150756836,"longitude":116.40699768066406,"asn":4538,"asnOrg":"China Education and Research Network Center"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":4,"computer_device_count":1,"tablet_device_count":1,"mobile_device_count":2,"impossible_travel":true,"is_new_country":false,"country_count_24h":3,"ip_country":"CN","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":9,"has_high_velocity":false},"risk":{"score":54,"signals":[{"name":"impossible_travel","points":40,"detail":"consecutive places too far apart for the time between them"},{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":52,"severity":"medium"},{"category":"ato","score":43,"severity":"medium"}]},"policy":{"id":"pol_kGnoSkHjqsypHlez","name":"Three devices at most","mode":"enforce","verdict":"challenge","reasons":[{"field":"device_count","op":"gte","value":3.0,"actual":4.0,"held":true}]},"monitoredPolicies":[],"challenge":{"id":"ch_JL6WTvG7PH0ZEn46AgzDgqll365wOIXW","type":"device_limit","status":"created","expiresAt":1796680271427},"logout":false}', 'CN', 39.90420150756836, 116.40699768066406, 50, '202.196.224.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1ece-7bfc-b32a-13f138bb8f2d', 'user-01', 'login', 'allow', '596ce914-d570-4f6d-9401-f0c296303b4d', '127.0.0.1', 1796679671498, NULL, '{"action":"login","verdict":"allow","createdAt":1796679671498,"userId":"user-01","metadata":{},"device":{"id":"596ce914-d570-4f6d-9401-f0c296303b4d","type":"mobile","isNew":false,"fingerprintId":"a032d5a72d3ffe8544ffc8b7ff09fcf2","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"127.0.0.1"},"flags":{"sources":{}},"checks":{"is_new_user":false,"is_new_device":false,"is_new_fingerprint":false,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":2,"computer_device_count":0,"tablet_device_count":1,"mobile_device_count":1,"country_count_24h":3,"fingerprint_user_count":1,"event_count":6,"has_high_velocity":false},"risk":{"score":24,"signals":[{"name":"new_ip","points":5,"detail":"first time this IP address is seen on a known account"},{"name":"many_countries","points":20,"detail":"country_count_24h is 3 (at least 3)"}],"risks":[{"category":"account_sharing","score":20,"severity":"low"},{"category":"ato","score":5,"severity":"low"}]},"policy":{"id":"pol_XvlVYdmPcOTi0Gkt","name":"Watch new addresses","mode":"monitor","verdict":"deny","reasons":[{"field":"is_new_ip","op":"eq","value":true,"actual":true,"held":true}]},"monitoredPolicies":[{"id":"pol_XvlVYdmPcOTi0Gkt","name":"Watch new addresses","mode":"monitor","verdict":"deny","reasons":[{"field":"is_new_ip","op":"eq","value":true,"actual":true,"held":true}]}],"logout":false}', NULL, NULL, NULL, NULL, '127.0.0.0/24');
INSERT INTO earlier_release_schema.evaluations VALUES ('app_WRlVGO1Oc2SF3OAp', '01a25274-1906-7ad2-aa7c-2e8e5ee5cca2', 'user-01', 'signup', 'allow', '596ce914-d570-4f6d-9401-f0c296303b4d', '89.160.20.128', 1796679669848, 1796679671516, '{"action":"signup","verdict":"allow","createdAt":1796679669848,"userId":"user-01","email":"user-01@mail.example","metadata":{"plan":"family","visit":0},"sessionId":"s-user-01-0","device":{"id":"596ce914-d570-4f6d-9401-f0c296303b4d","type":"mobile","isNew":true,"fingerprintId":"a032d5a72d3ffe8544ffc8b7ff09fcf2","confidence":1.0,"browser":"Safari","os":"iOS","localIps":[]},"publicIp":{"address":"89.160.20.128","country":"SE","city":"Stockholm","latitude":59.332698822021484,"longitude":18.06559944152832,"asn":29518,"asnOrg":"Bredband2 AB"},"flags":{"vpn":false,"hosting":false,"timezoneMismatch":true,"sources":{"hosting":{"name":"hosting-asns","date":"2026-11-24"},"timezone_mismatch":{"name":"dbip-city-mmdb@2.3.2026060513","date":"2026-06-05"},"vpn":{"name":"vpn-asns","date":"2026-11-24"}}},"checks":{"is_new_user":true,"is_new_device":true,"is_new_fingerprint":true,"is_new_ip":true,"token_mismatch":false,"concurrent_sessions":false,"device_count":1,"computer_device_count":0,"tablet_device_count":0,"mobile_device_count":1,"impossible_travel":false,"is_new_country":true,"country_count_24h":1,"ip_country":"SE","ip_is_vpn":false,"ip_is_hosting":false,"fingerprint_user_count":1,"event_count":1,"has_high_velocity":false},"risk":{"score":0,"signals":[],"risks":[]},"monitoredPolicies":[],"logout":false}', 'SE', 59.332698822021484, 18.06559944152832, 50, '89.160.20.0/24');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.flyway_schema_history VALUES (1, '1', 'foundation', 'SQL', 'V1__foundation.sql', 1535615339, 'postgres', '2026-12-07 21:41:00.614239', 42, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (2, '2', 'device components', 'SQL', 'V2__device_components.sql', -939102201, 'postgres', '2026-12-07 21:41:00.709394', 14, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (3, '3', 'blocking keys', 'SQL', 'V3__blocking_keys.sql', -758029652, 'postgres', '2026-12-07 21:41:00.751081', 12, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (4, '4', 'network history', 'SQL', 'V4__network_history.sql', 973126510, 'postgres', '2026-12-07 21:41:00.77756', 5, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (5, '5', 'policies and lists', 'SQL', 'V5__policies_and_lists.sql', -578470612, 'postgres', '2026-12-07 21:41:00.793006', 14, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (6, '6', 'challenges', 'SQL', 'V6__challenges.sql', -608537600, 'postgres', '2026-12-07 21:41:00.817991', 7, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (7, '7', 'app branding', 'SQL', 'V7__app_branding.sql', 1538660320, 'postgres', '2026-12-07 21:41:00.834699', 1, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (8, '8', 'history search', 'SQL', 'V8__history_search.sql', -842145058, 'postgres', '2026-12-07 21:41:00.846972', 8, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (9, '9', 'account patterns', 'SQL', 'V9__account_patterns.sql', 1862753805, 'postgres', '2026-12-07 21:41:00.872313', 11, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (10, '10', 'webhooks', 'SQL', 'V10__webhooks.sql', -754453387, 'postgres', '2026-12-07 21:41:00.895131', 33, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (11, '11', 'operators', 'SQL', 'V11__operators.sql', 786759295, 'postgres', '2026-12-07 21:41:00.941042', 8, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (12, '12', 'challenge exits and overview', 'SQL', 'V12__challenge_exits_and_overview.sql', 623879753, 'postgres', '2026-12-07 21:41:00.962929', 8, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (13, '13', 'operator app scopes', 'SQL', 'V13__operator_app_scopes.sql', 19070171, 'postgres', '2026-12-07 21:41:00.99761', 3, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (14, '14', 'evaluation networks', 'SQL', 'V14__evaluation_networks.sql', 1807456667, 'postgres', '2026-12-07 21:41:01.020225', 7, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (15, '15', 'evaluation networks backfill', 'JDBC', 'db.migration.V15__evaluation_networks_backfill', NULL, 'postgres', '2026-12-07 21:41:01.035924', 5, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (16, '16', 'fewer evaluation indexes', 'SQL', 'V16__fewer_evaluation_indexes.sql', 1111772795, 'postgres', '2026-12-07 21:41:01.052024', 10, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (17, '17', 'token browser versions', 'SQL', 'V17__token_browser_versions.sql', 1398020060, 'postgres', '2026-12-07 21:41:01.088007', 4, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (18, '18', 'token device seen at join', 'SQL', 'V18__token_device_seen_at_join.sql', 893863512, 'postgres', '2026-12-07 21:41:01.104814', 1, true);
INSERT INTO earlier_release_schema.flyway_schema_history VALUES (19, '19', 'user countries', 'SQL', 'V19__user_countries.sql', 120002839, 'postgres', '2026-12-07 21:41:01.112081', 4, true);


--
-- Data for Name: operator_failures; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: operator_sessions; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: operators; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.operators VALUES ('op_XBsukR0dEFGD7COD', 'admin@seatguard.local', '$argon2id$v=19$m=19456,t=2,p=1$34bgLQLdTHxvvMzpjlNlhw$6w4rVos+3QuMgu/nnNZslRDd5GOLop0igUsLPXagqkk', 1796679668156, NULL);


--
-- Data for Name: owner_notices; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: policies; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.policies VALUES ('app_WRlVGO1Oc2SF3OAp', 'pol_kGnoSkHjqsypHlez', '{"name":"Three devices at most","enabled":true,"mode":"enforce","priority":100,"actions":["access"],"conditions":{"any":[{"check":"device_count","op":"gte","value":3}]},"verdict":"challenge","challenge":{"type":"device_limit","device_limit":2,"success_url":"https://shop.example/signup","logout_url":"https://shop.example/logged-out","expires_in_seconds":600}}', 1796679669766, 1796679669766);
INSERT INTO earlier_release_schema.policies VALUES ('app_WRlVGO1Oc2SF3OAp', 'pol_XvlVYdmPcOTi0Gkt', '{"name":"Watch new addresses","enabled":true,"mode":"monitor","priority":50,"actions":["login"],"conditions":{"all":[{"check":"is_new_ip","op":"eq","value":true}]},"verdict":"deny"}', 1796679669797, 1796679669797);


--
-- Data for Name: policy_versions; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.policy_versions VALUES ('app_WRlVGO1Oc2SF3OAp', 3);


--
-- Data for Name: settings; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.settings VALUES ('challenge_code_key', 'g022ETWWQmcav74gsOTUf7EYfTQcOouHCM715ZJOMRM');
INSERT INTO earlier_release_schema.settings VALUES ('demo_app_secret_key', 'sk_gK2G4yj05Vi7gWTyx6Q2Z5fdPq5xwiInd24UYTEZ');
INSERT INTO earlier_release_schema.settings VALUES ('admin_token_hash', '38721d767c7d7733f6b1fe6c86ec509de00e1c9eb8829479d4d9af1b4e7171c2');


--
-- Data for Name: user_countries; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', 'SE', 1796679669848, 1796679669848);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', 'GB', 1796679670113, 1796679670113);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', 'US', 1796679670153, 1796679670153);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', 'GB', 1796679670243, 1796679670243);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', 'US', 1796679670287, 1796679670287);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', 'CN', 1796679670323, 1796679670323);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', 'HK', 1796679670427, 1796679670427);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', 'US', 1796679670467, 1796679670467);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', 'CN', 1796679670488, 1796679670488);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', 'HK', 1796679670507, 1796679670507);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-04', 'CN', 1796679670668, 1796679670668);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-04', 'HK', 1796679670688, 1796679670688);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-04', 'US', 1796679670708, 1796679670708);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', 'HK', 1796679670724, 1796679670724);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', 'US', 1796679670745, 1796679670745);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', 'CN', 1796679670758, 1796679670758);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', 'US', 1796679670814, 1796679670814);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', 'CN', 1796679670834, 1796679670834);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', 'GB', 1796679670852, 1796679670852);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', 'SE', 1796679670899, 1796679670899);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', 'CN', 1796679670912, 1796679670912);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', 'GB', 1796679670922, 1796679670922);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', 'SE', 1796679670933, 1796679670933);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', 'US', 1796679671026, 1796679671026);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-08', 'GB', 1796679671047, 1796679671047);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-08', 'SE', 1796679671068, 1796679671068);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', 'SE', 1796679671102, 1796679671102);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', 'GB', 1796679671122, 1796679671122);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', 'US', 1796679671135, 1796679671135);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', 'GB', 1796679671197, 1796679671197);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', 'US', 1796679671208, 1796679671208);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', 'CN', 1796679671221, 1796679671221);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', 'HK', 1796679671292, 1796679671292);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', 'US', 1796679671308, 1796679671308);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', 'CN', 1796679671325, 1796679671325);
INSERT INTO earlier_release_schema.user_countries VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', 'HK', 1796679671336, 1796679671336);


--
-- Data for Name: user_devices; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', '596ce914-d570-4f6d-9401-f0c296303b4d', 'attached', 1796679669848, 1796679669848);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', 'a5756579-8fea-486b-a393-61258887f876', 'attached', 1796679670185, 1796679670185);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', 'f0025ece-058f-4614-be28-f9d8e95ee0a5', 'attached', 1796679670243, 1796679670243);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', '36ac7b6e-4f21-451f-997a-a279da8e2eee', 'attached', 1796679670357, 1796679670357);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', '818f8e3a-6562-4553-b0b7-2c7953eccf6e', 'attached', 1796679670400, 1796679670400);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', '5ad0f073-0871-45c2-bbdf-3beb6657dcce', 'attached', 1796679670528, 1796679670528);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', 'dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd', 'attached', 1796679670563, 1796679670563);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', 'c536d0e3-73f1-43db-8b36-d06c185c77f7', 'attached', 1796679670620, 1796679670620);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-04', '69f7c469-42d1-4f29-afb0-c534062142bb', 'attached', 1796679670668, 1796679670668);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', '262c5c78-b11e-417b-9c82-e6e92444a133', 'attached', 1796679670724, 1796679670724);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', '1c7feab8-030c-4a2a-8baa-94093d1807ec', 'attached', 1796679670778, 1796679670778);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', '94fb4a33-69fb-4d3c-88fc-0ca29ec73a65', 'attached', 1796679670814, 1796679670814);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', 'd6361f13-20d8-498d-8a89-5ed53be9a3b8', 'attached', 1796679670865, 1796679670865);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', '618471f3-c439-441a-a535-460b7069dc40', 'attached', 1796679670887, 1796679670887);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', 'ccacd0ed-0de3-4712-87c2-0a9e673052ef', 'attached', 1796679670912, 1796679670912);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', '7c6bb40f-f224-40ce-b251-50c38bdd2ba0', 'attached', 1796679670946, 1796679670946);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', '0f44246b-1f66-4825-b857-ad22cd16c231', 'attached', 1796679670974, 1796679670974);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', 'ef5de34a-530a-407f-b383-4ab56c408ad7', 'attached', 1796679671009, 1796679671009);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-08', 'a113872f-cc86-4b1f-948d-d6fc50d527d3', 'attached', 1796679671047, 1796679671047);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', '20e6bfb8-965d-46da-afd1-7ca5704c12c5', 'attached', 1796679671102, 1796679671102);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', 'fbd89042-5032-47c3-b035-45b36e38c007', 'attached', 1796679671151, 1796679671151);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', '44fd1a31-fb5e-4c61-9f13-bf85e0bacd89', 'attached', 1796679671197, 1796679671197);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', '63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e', 'attached', 1796679671234, 1796679671234);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', 'fb768a36-675a-42c8-9a91-a4cdabef0c5f', 'attached', 1796679671266, 1796679671266);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '15314198-f31e-45e6-85f6-8bcfb7af543d', 'attached', 1796679671308, 1796679671308);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8', 'attached', 1796679671348, 1796679671348);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '35037f10-ac41-4b2b-983e-843b8410b62c', 'attached', 1796679671375, 1796679671375);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '12130899-74b3-4189-8f3f-2737ccb8ba38', 'attached', 1796679671412, 1796679671412);
INSERT INTO earlier_release_schema.user_devices VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', '85c0fe50-f6e4-4144-9c8f-71dfe7823f04', 'detached', 1796679670467, 1796679670467);


--
-- Data for Name: user_fingerprints; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', 'a032d5a72d3ffe8544ffc8b7ff09fcf2', 1796679669848, 1796679669848);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', 'c7f7e149f52217254072d831fd740d26', 1796679670185, 1796679670185);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', '52213b257691fef6685c5c8a3a25ec6f', 1796679670243, 1796679670243);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', '2565ce25c6fae32578eaa94dbcfe1e23', 1796679670357, 1796679670357);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', 'f7043489780687d4cd9f3a231aa9a995', 1796679670400, 1796679670400);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', '62982406d2e82beb1b73573bdda2abb8', 1796679670467, 1796679670467);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', '27f9c630c54a88be0451119b1dbb474d', 1796679670528, 1796679670528);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', '6b3df1192587aabc7d9be36e97361dc0', 1796679670563, 1796679670563);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', 'f8feb9888274bccf3de11312712352bd', 1796679670620, 1796679670620);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-04', '8ffd618245b85a8ff23e8b602ef074e1', 1796679670668, 1796679670668);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', '2ad6b48625776ac0fee7a2d6d787ac0c', 1796679670724, 1796679670724);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', 'a359d7afb00dc8fe6d35c7896af7d67d', 1796679670778, 1796679670778);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', '93f3517af884138bf675a8b3d895d9e6', 1796679670814, 1796679670814);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', '99f39132c47e7955bbf594969122cdd5', 1796679670865, 1796679670865);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', '2992b8342b3f8962aa59bbcef9395e4f', 1796679670887, 1796679670887);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', '55fe363dcb42256db2bc33f713b3e7b1', 1796679670912, 1796679670912);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', '00bda99ed115851cdb789e4826809877', 1796679670946, 1796679670946);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', 'e3c1591fec40a94f4628e34186d34b93', 1796679670974, 1796679670974);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', '6a1d623387248dcb65b212d46506bdee', 1796679671009, 1796679671009);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-08', 'fecd28f75ac3fed24b45506cc5a3b34d', 1796679671047, 1796679671047);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', 'd4652354ce2c1202ff1eb32eb43cd56a', 1796679671102, 1796679671102);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', '7b99ae57c933a3cc49bd822ea4b8a5c6', 1796679671151, 1796679671151);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', '8d1cce9a559ff8ae0b41f54abdf1e2f0', 1796679671197, 1796679671197);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', '770dd5e66ae4434f132469c7c185ba29', 1796679671234, 1796679671234);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', '0b3f334db1e524b1651e9f8592970278', 1796679671266, 1796679671266);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', 'bc252822c352a968f8a002b0106ccda0', 1796679671308, 1796679671308);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '41536558d9a4cab87ea380e19f15d290', 1796679671348, 1796679671348);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '291f3c79594f64b7549037590e3b3fc3', 1796679671375, 1796679671375);
INSERT INTO earlier_release_schema.user_fingerprints VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '3b9ee9bd7bf780c9c89116850031e4ac', 1796679671412, 1796679671412);


--
-- Data for Name: user_ips; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', '89.160.20.128', 1796679669848, 1796679669848);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', '2.125.160.216', 1796679670113, 1796679670113);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', '216.160.83.56', 1796679670153, 1796679670153);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', '2.125.160.216', 1796679670243, 1796679670243);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', '216.160.83.56', 1796679670287, 1796679670287);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', '175.16.199.1', 1796679670323, 1796679670323);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', '2a02:cf40::1:2', 1796679670427, 1796679670427);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', '216.160.83.56', 1796679670467, 1796679670467);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', '175.16.199.1', 1796679670488, 1796679670488);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', '2a02:cf40::1:2', 1796679670507, 1796679670507);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', '67.43.156.1', 1796679670600, 1796679670600);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', '202.196.224.1', 1796679670636, 1796679670636);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-04', '175.16.199.1', 1796679670668, 1796679670668);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-04', '2a02:cf40::1:2', 1796679670688, 1796679670688);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-04', '67.43.156.1', 1796679670708, 1796679670708);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', '2a02:cf40::1:2', 1796679670724, 1796679670724);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', '67.43.156.1', 1796679670745, 1796679670745);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', '202.196.224.1', 1796679670758, 1796679670758);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', '67.43.156.1', 1796679670814, 1796679670814);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', '202.196.224.1', 1796679670834, 1796679670834);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', '81.2.69.160', 1796679670852, 1796679670852);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', '89.160.20.128', 1796679670899, 1796679670899);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', '202.196.224.1', 1796679670912, 1796679670912);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', '81.2.69.160', 1796679670922, 1796679670922);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', '89.160.20.128', 1796679670933, 1796679670933);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', '2.125.160.216', 1796679670991, 1796679670991);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', '216.160.83.56', 1796679671026, 1796679671026);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-08', '81.2.69.160', 1796679671047, 1796679671047);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-08', '89.160.20.128', 1796679671068, 1796679671068);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-08', '2.125.160.216', 1796679671086, 1796679671086);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', '89.160.20.128', 1796679671102, 1796679671102);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', '2.125.160.216', 1796679671122, 1796679671122);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', '216.160.83.56', 1796679671135, 1796679671135);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', '2.125.160.216', 1796679671197, 1796679671197);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', '216.160.83.56', 1796679671208, 1796679671208);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', '175.16.199.1', 1796679671221, 1796679671221);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', '2a02:cf40::1:2', 1796679671292, 1796679671292);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '216.160.83.56', 1796679671308, 1796679671308);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '175.16.199.1', 1796679671325, 1796679671325);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '2a02:cf40::1:2', 1796679671336, 1796679671336);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '67.43.156.1', 1796679671390, 1796679671390);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', '202.196.224.1', 1796679671427, 1796679671427);
INSERT INTO earlier_release_schema.user_ips VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', '127.0.0.1', 1796679671498, 1796679671498);


--
-- Data for Name: users; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-01', 1796679669848, 1796679669848);
INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-02', 1796679670243, 1796679670243);
INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-03', 1796679670467, 1796679670467);
INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-04', 1796679670668, 1796679670668);
INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-05', 1796679670724, 1796679670724);
INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-06', 1796679670814, 1796679670814);
INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-07', 1796679670912, 1796679670912);
INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-08', 1796679671047, 1796679671047);
INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-09', 1796679671102, 1796679671102);
INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-10', 1796679671197, 1796679671197);
INSERT INTO earlier_release_schema.users VALUES ('app_WRlVGO1Oc2SF3OAp', 'user-11', 1796679671308, 1796679671308);


--
-- Data for Name: value_list_entries; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.value_list_entries VALUES ('app_WRlVGO1Oc2SF3OAp', 'lst_IJF3ZTDnQlDunnjm', '81.2.69.0/24', 0);
INSERT INTO earlier_release_schema.value_list_entries VALUES ('app_WRlVGO1Oc2SF3OAp', 'lst_IJF3ZTDnQlDunnjm', '2a02:cf40::/32', 1);


--
-- Data for Name: value_lists; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.value_lists VALUES ('app_WRlVGO1Oc2SF3OAp', 'lst_IJF3ZTDnQlDunnjm', 'office', 'ip', 1796679669734, 1796679669734);


--
-- Data for Name: webhook_attempts; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--



--
-- Data for Name: webhook_deliveries; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_bb25ba51345a8bb0a6eb7e8b', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679669848, 1796679730249, 'dede4af6-d4b5-4265-8cc4-6e485a34f3dc', NULL, NULL, NULL, 1796679669848);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_da54b0fd0ea55641f7b6706a', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670113, 1796679730249, 'dede4af6-d4b5-4265-8cc4-6e485a34f3dc', NULL, NULL, NULL, 1796679670113);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_a486db44eb1fde7223658e49', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670153, 1796679730249, 'dede4af6-d4b5-4265-8cc4-6e485a34f3dc', NULL, NULL, NULL, 1796679670153);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_79362ba561001f742439f76d', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670185, 1796679730249, 'dede4af6-d4b5-4265-8cc4-6e485a34f3dc', NULL, NULL, NULL, 1796679670185);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_5fdc0f2930d7b84b43fec495', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670216, 1796679730249, 'dede4af6-d4b5-4265-8cc4-6e485a34f3dc', NULL, NULL, NULL, 1796679670216);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_4328f0742c42442d416ee146', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670745, NULL, NULL, NULL, NULL, NULL, 1796679670745);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_66bc7d140ee97d45dd057a51', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670758, NULL, NULL, NULL, NULL, NULL, 1796679670758);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_a121530b5b2bf560f238a097', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670778, NULL, NULL, NULL, NULL, NULL, 1796679670778);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_b6235f29332e8d66a64cacf7', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670797, NULL, NULL, NULL, NULL, NULL, 1796679670797);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_6b341df34305831bb9fe12b3', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670814, NULL, NULL, NULL, NULL, NULL, 1796679670814);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_51a8cb9355b2518e62183b35', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670834, NULL, NULL, NULL, NULL, NULL, 1796679670834);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_f6385fa2d8c837d23960ddf8', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670852, NULL, NULL, NULL, NULL, NULL, 1796679670852);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_03240ffedce16ad35dcebd4f', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670865, NULL, NULL, NULL, NULL, NULL, 1796679670865);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_43e375178ccf332a5c18dfb6', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670876, NULL, NULL, NULL, NULL, NULL, 1796679670876);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ac34cc4ba9fd4e7799ed4ddc', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670887, NULL, NULL, NULL, NULL, NULL, 1796679670887);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_4d41cc13e6dcc7894115001f', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670899, NULL, NULL, NULL, NULL, NULL, 1796679670899);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_b678bd500007f1d98e109748', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670912, NULL, NULL, NULL, NULL, NULL, 1796679670912);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ff4096d488e9c1eccb0def83', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670922, NULL, NULL, NULL, NULL, NULL, 1796679670922);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_9d27a75f07c110606f815e9d', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670933, NULL, NULL, NULL, NULL, NULL, 1796679670933);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_c7b0923c3ecd31e5affd5fc1', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670946, NULL, NULL, NULL, NULL, NULL, 1796679670946);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_4accbc8af85066520b0b11a4', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670961, NULL, NULL, NULL, NULL, NULL, 1796679670961);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_75207733bcef31546d8ffc7d', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670974, NULL, NULL, NULL, NULL, NULL, 1796679670974);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_42c603e8d969a09cabde48e1', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670991, NULL, NULL, NULL, NULL, NULL, 1796679670991);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ed50d5b8c7818ae89d0b1aed', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671009, NULL, NULL, NULL, NULL, NULL, 1796679671009);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_30d823c94b81ef8479c28e9b', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671026, NULL, NULL, NULL, NULL, NULL, 1796679671026);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_6d496ca1f66d0c8ad0ca006d', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671047, NULL, NULL, NULL, NULL, NULL, 1796679671047);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_b17663fe8884943e350ab004', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671068, NULL, NULL, NULL, NULL, NULL, 1796679671068);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_5eafc81d02c9f77c128de3ee', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671086, NULL, NULL, NULL, NULL, NULL, 1796679671086);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_f316c6672695c32d0c8469ea', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671102, NULL, NULL, NULL, NULL, NULL, 1796679671102);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_e35e4d5c1b0a5f1fa9277912', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671122, NULL, NULL, NULL, NULL, NULL, 1796679671122);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_54936949fa692966f19d1d33', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671135, NULL, NULL, NULL, NULL, NULL, 1796679671135);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_d9ea7443cefa61a5da9cd7f8', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670243, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670243);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_3f9f26d0115ebb60ec0efcd8', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670287, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670287);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_1c0297c7c7c32771ea159b11', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670323, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670323);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_b30896d66dcc41763ac4b654', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670357, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670357);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_38e42c49f6aca151fab817f6', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671151, NULL, NULL, NULL, NULL, NULL, 1796679671151);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_f90a9f9f3e3c8156936143d5', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671179, NULL, NULL, NULL, NULL, NULL, 1796679671179);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_4e85b0fe231f1a014491cde2', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671197, NULL, NULL, NULL, NULL, NULL, 1796679671197);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_52b148e21c2b40b177f7bc01', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671208, NULL, NULL, NULL, NULL, NULL, 1796679671208);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_1bcaf207c3695dad3aeb9eea', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671221, NULL, NULL, NULL, NULL, NULL, 1796679671221);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_271e8cc862caa659efbfc582', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671234, NULL, NULL, NULL, NULL, NULL, 1796679671234);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_395d071bb84a7c59973fc02b', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671252, NULL, NULL, NULL, NULL, NULL, 1796679671252);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_37bdd374f785dd32664dedf9', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671266, NULL, NULL, NULL, NULL, NULL, 1796679671266);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_c10e526177fdda29c63384d7', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671292, NULL, NULL, NULL, NULL, NULL, 1796679671292);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_4623a7379ce5fa9111ffb33b', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671308, NULL, NULL, NULL, NULL, NULL, 1796679671308);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_78f0f935697f33b243b73ead', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671325, NULL, NULL, NULL, NULL, NULL, 1796679671325);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_adc81eaee7866d46504a45a3', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671336, NULL, NULL, NULL, NULL, NULL, 1796679671336);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_58634714a8554813df833c05', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671348, NULL, NULL, NULL, NULL, NULL, 1796679671348);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_6eb58ac1a9c2fdbf867e8f18', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671359, NULL, NULL, NULL, NULL, NULL, 1796679671359);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_2a6d00df193788aea3da9a02', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671375, NULL, NULL, NULL, NULL, NULL, 1796679671375);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_31ef6b0aa5a3a84137b0d7be', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671390, NULL, NULL, NULL, NULL, NULL, 1796679671390);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ff4db2a25b676c589f8df365', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671412, NULL, NULL, NULL, NULL, NULL, 1796679671412);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ac3777b4a80ed2eaaa098f94', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671427, NULL, NULL, NULL, NULL, NULL, 1796679671427);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_9650f8365f499ee3140d827a', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671498, NULL, NULL, NULL, NULL, NULL, 1796679671498);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_2474f7bc57433d6f475183c5', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679671630, NULL, NULL, NULL, NULL, NULL, 1796679671630);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_d9e4fa7c150b1209f409cb1f', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670383, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670383);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ac4c8f480674394eb9216439', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670400, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670400);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_c6532c42c091a263116ff31b', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670427, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670427);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_7036a21487957ce4224430ea', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670467, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670467);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_f77f0124930b4c394e70e3ff', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670488, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670488);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ef0d8b1cb3d6bdf876242eb6', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670507, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670507);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_3dff5e19c1651b115ce046bf', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670528, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670528);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_c435787c4de7741d663b015f', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670545, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670545);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_5323e77f40b26c3e52dd3f27', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670563, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670563);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_08d1772e60571bbd3f4095c7', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670600, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670600);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_d2826caa7847fc0f7a58a096', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670620, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670620);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_a82a7db996d0e95d17aeca5a', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670636, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670636);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_42118747d30419f857541f64', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670668, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670668);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_6bcdefc4313d3fd3cde6093f', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670688, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670688);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_23f68f6538aadddad68e4aa6', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670708, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670708);
INSERT INTO earlier_release_schema.webhook_deliveries VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_f4aae06f6e9928d9ea050f14', 'wh_G8iOg37iNl3x388E', 'pending', 0, 1796679670724, 1796679740139, 'c40a1a3e-b5d3-40f8-a486-493be9043756', NULL, NULL, NULL, 1796679670724);


--
-- Data for Name: webhook_endpoints; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.webhook_endpoints VALUES ('app_WRlVGO1Oc2SF3OAp', 'wh_G8iOg37iNl3x388E', 'https://[2001:20::1]/seatguard', ',evaluation.created,device.detached,', 'whsec_LEQxFmq0Oh7ngafDXGRagiLfW/0vqMv4', NULL, NULL, 1796679669809);


--
-- Data for Name: webhook_messages; Type: TABLE DATA; Schema: earlier_release_schema; Owner: -
--

INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_bb25ba51345a8bb0a6eb7e8b', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:09.848458261Z","data":{"evaluation_id":"01a25274-1906-7ad2-aa7c-2e8e5ee5cca2","action":"signup","verdict":"allow","user":"user-01","device_id":"596ce914-d570-4f6d-9401-f0c296303b4d","ip":"89.160.20.128","risk_score":0}}', 1796679669848);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_da54b0fd0ea55641f7b6706a', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.113428994Z","data":{"evaluation_id":"01a25274-1970-7b90-9b91-15625d04dc59","action":"access","verdict":"allow","user":"user-01","device_id":"596ce914-d570-4f6d-9401-f0c296303b4d","ip":"2.125.160.216","risk_score":49}}', 1796679670113);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_a486db44eb1fde7223658e49', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.153308813Z","data":{"evaluation_id":"01a25274-1996-7022-9556-91321901e524","action":"access","verdict":"allow","user":"user-01","device_id":"596ce914-d570-4f6d-9401-f0c296303b4d","ip":"216.160.83.56","risk_score":59}}', 1796679670153);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_79362ba561001f742439f76d', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.185457179Z","data":{"evaluation_id":"01a25274-19b9-7b41-9342-39a0a0e70279","action":"login","verdict":"allow","user":"user-01","device_id":"a5756579-8fea-486b-a393-61258887f876","ip":"2.125.160.216","risk_score":57}}', 1796679670185);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_5fdc0f2930d7b84b43fec495', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.216771408Z","data":{"evaluation_id":"01a25274-19d1-7a1d-b69d-f1a3b4b18ad5","action":"access","verdict":"allow","user":"user-01","device_id":"a5756579-8fea-486b-a393-61258887f876","ip":"216.160.83.56","risk_score":52}}', 1796679670216);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_d9ea7443cefa61a5da9cd7f8', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.243502969Z","data":{"evaluation_id":"01a25274-19e8-7cb8-b5ba-e6cc085d7824","action":"signup","verdict":"allow","user":"user-02","device_id":"f0025ece-058f-4614-be28-f9d8e95ee0a5","ip":"2.125.160.216","risk_score":0}}', 1796679670243);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_3f9f26d0115ebb60ec0efcd8', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.287976487Z","data":{"evaluation_id":"01a25274-1a1d-78d2-9da4-56e84584de78","action":"access","verdict":"allow","user":"user-02","device_id":"f0025ece-058f-4614-be28-f9d8e95ee0a5","ip":"216.160.83.56","risk_score":49}}', 1796679670287);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_1c0297c7c7c32771ea159b11', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.323515948Z","data":{"evaluation_id":"01a25274-1a3b-77f2-862b-53b172c1572d","action":"access","verdict":"allow","user":"user-02","device_id":"f0025ece-058f-4614-be28-f9d8e95ee0a5","ip":"175.16.199.1","risk_score":59}}', 1796679670323);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_b30896d66dcc41763ac4b654', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.357235766Z","data":{"evaluation_id":"01a25274-1a60-78d4-9d6c-4ac09f50636c","action":"login","verdict":"allow","user":"user-02","device_id":"36ac7b6e-4f21-451f-997a-a279da8e2eee","ip":"216.160.83.56","risk_score":57}}', 1796679670357);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_d9e4fa7c150b1209f409cb1f', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.383585916Z","data":{"evaluation_id":"01a25274-1a74-7111-9a5c-0ba49a1cfa8a","action":"access","verdict":"allow","user":"user-02","device_id":"36ac7b6e-4f21-451f-997a-a279da8e2eee","ip":"175.16.199.1","risk_score":52}}', 1796679670383);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ac4c8f480674394eb9216439', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.400199239Z","data":{"evaluation_id":"01a25274-1a8e-7566-a2ff-e958ca4cd963","action":"login","verdict":"allow","user":"user-02","device_id":"818f8e3a-6562-4553-b0b7-2c7953eccf6e","ip":"175.16.199.1","risk_score":28}}', 1796679670400);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_c6532c42c091a263116ff31b', 'evaluation.created', 'user-02', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.427655010Z","data":{"evaluation_id":"01a25274-1aa1-7e58-8f46-9309d7a86a61","action":"access","verdict":"challenge","user":"user-02","device_id":"818f8e3a-6562-4553-b0b7-2c7953eccf6e","ip":"2a02:cf40::1:2","risk_score":59,"policy_id":"pol_kGnoSkHjqsypHlez","challenge_id":"ch_HV4Dlv9ONbR5GLfwqgxmw2LKFXQZU1HB"}}', 1796679670427);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_7036a21487957ce4224430ea', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.467347285Z","data":{"evaluation_id":"01a25274-1ac7-7bc0-bdfc-3a5c236abdbd","action":"signup","verdict":"allow","user":"user-03","device_id":"85c0fe50-f6e4-4144-9c8f-71dfe7823f04","ip":"216.160.83.56","risk_score":0}}', 1796679670467);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_f77f0124930b4c394e70e3ff', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.488240623Z","data":{"evaluation_id":"01a25274-1adb-7bd8-8950-b6f262954278","action":"access","verdict":"allow","user":"user-03","device_id":"85c0fe50-f6e4-4144-9c8f-71dfe7823f04","ip":"175.16.199.1","risk_score":49}}', 1796679670488);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ef0d8b1cb3d6bdf876242eb6', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.507056552Z","data":{"evaluation_id":"01a25274-1aee-73b9-91ae-b14e27b8fae3","action":"access","verdict":"allow","user":"user-03","device_id":"85c0fe50-f6e4-4144-9c8f-71dfe7823f04","ip":"2a02:cf40::1:2","risk_score":59}}', 1796679670507);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_3dff5e19c1651b115ce046bf', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.528323136Z","data":{"evaluation_id":"01a25274-1b03-77d2-b091-85e5494d4cc5","action":"login","verdict":"allow","user":"user-03","device_id":"5ad0f073-0871-45c2-bbdf-3beb6657dcce","ip":"175.16.199.1","risk_score":57}}', 1796679670528);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_c435787c4de7741d663b015f', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.545763794Z","data":{"evaluation_id":"01a25274-1b16-7540-98b1-b91126b01e51","action":"access","verdict":"allow","user":"user-03","device_id":"5ad0f073-0871-45c2-bbdf-3beb6657dcce","ip":"2a02:cf40::1:2","risk_score":52}}', 1796679670545);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_5323e77f40b26c3e52dd3f27', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.563200774Z","data":{"evaluation_id":"01a25274-1b38-7371-9154-25949e495fac","action":"login","verdict":"allow","user":"user-03","device_id":"dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd","ip":"2a02:cf40::1:2","risk_score":28}}', 1796679670563);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_08d1772e60571bbd3f4095c7', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.600542383Z","data":{"evaluation_id":"01a25274-1b51-7971-a302-07fa25e1e0f8","action":"access","verdict":"challenge","user":"user-03","device_id":"dfbc70f5-7ecb-4dac-a0f4-8d760226fcbd","ip":"67.43.156.1","risk_score":54,"policy_id":"pol_kGnoSkHjqsypHlez","challenge_id":"ch_4ZWzgF7jFa2mVpNBPvGTZ6j6bP6OrhAq"}}', 1796679670600);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_d2826caa7847fc0f7a58a096', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.620273113Z","data":{"evaluation_id":"01a25274-1b61-7ce4-bf65-e2858675479d","action":"login","verdict":"allow","user":"user-03","device_id":"c536d0e3-73f1-43db-8b36-d06c185c77f7","ip":"67.43.156.1","risk_score":28}}', 1796679670620);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_a82a7db996d0e95d17aeca5a', 'evaluation.created', 'user-03', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.636867430Z","data":{"evaluation_id":"01a25274-1b70-718f-acc7-51a8c25431c4","action":"access","verdict":"challenge","user":"user-03","device_id":"c536d0e3-73f1-43db-8b36-d06c185c77f7","ip":"202.196.224.1","risk_score":54,"policy_id":"pol_kGnoSkHjqsypHlez","challenge_id":"ch_3a3PnLhUjz7rkaM0IHCva8RNacJ1Gx70"}}', 1796679670636);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_42118747d30419f857541f64', 'evaluation.created', 'user-04', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.668780491Z","data":{"evaluation_id":"01a25274-1b91-727e-9063-64016ab58cd6","action":"signup","verdict":"allow","user":"user-04","device_id":"69f7c469-42d1-4f29-afb0-c534062142bb","ip":"175.16.199.1","risk_score":0}}', 1796679670668);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_6bcdefc4313d3fd3cde6093f', 'evaluation.created', 'user-04', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.688958075Z","data":{"evaluation_id":"01a25274-1ba8-7e65-b09f-b328a631effc","action":"access","verdict":"allow","user":"user-04","device_id":"69f7c469-42d1-4f29-afb0-c534062142bb","ip":"2a02:cf40::1:2","risk_score":49}}', 1796679670688);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_23f68f6538aadddad68e4aa6', 'evaluation.created', 'user-04', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.708462907Z","data":{"evaluation_id":"01a25274-1bb7-78e3-b5ee-aeac1a39eaff","action":"access","verdict":"allow","user":"user-04","device_id":"69f7c469-42d1-4f29-afb0-c534062142bb","ip":"67.43.156.1","risk_score":59}}', 1796679670708);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_f4aae06f6e9928d9ea050f14', 'evaluation.created', 'user-05', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.724228707Z","data":{"evaluation_id":"01a25274-1bcc-751d-a166-3aa04d3bef2c","action":"signup","verdict":"allow","user":"user-05","device_id":"262c5c78-b11e-417b-9c82-e6e92444a133","ip":"2a02:cf40::1:2","risk_score":0}}', 1796679670724);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_4328f0742c42442d416ee146', 'evaluation.created', 'user-05', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.745533123Z","data":{"evaluation_id":"01a25274-1bdc-78d2-9bd4-d0f3f1b9699c","action":"access","verdict":"allow","user":"user-05","device_id":"262c5c78-b11e-417b-9c82-e6e92444a133","ip":"67.43.156.1","risk_score":49}}', 1796679670745);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_66bc7d140ee97d45dd057a51', 'evaluation.created', 'user-05', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.758823712Z","data":{"evaluation_id":"01a25274-1be9-797d-b92e-72d0dc003156","action":"access","verdict":"allow","user":"user-05","device_id":"262c5c78-b11e-417b-9c82-e6e92444a133","ip":"202.196.224.1","risk_score":59}}', 1796679670758);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_a121530b5b2bf560f238a097', 'evaluation.created', 'user-05', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.778411169Z","data":{"evaluation_id":"01a25274-1c00-7d3e-80d5-6be4d30f2d58","action":"login","verdict":"allow","user":"user-05","device_id":"1c7feab8-030c-4a2a-8baa-94093d1807ec","ip":"67.43.156.1","risk_score":57}}', 1796679670778);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_b6235f29332e8d66a64cacf7', 'evaluation.created', 'user-05', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.797408702Z","data":{"evaluation_id":"01a25274-1c11-7094-90a0-8e1a53db8495","action":"access","verdict":"allow","user":"user-05","device_id":"1c7feab8-030c-4a2a-8baa-94093d1807ec","ip":"202.196.224.1","risk_score":52}}', 1796679670797);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_6b341df34305831bb9fe12b3', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.814989695Z","data":{"evaluation_id":"01a25274-1c28-7a9b-a9aa-ba6467eb97af","action":"signup","verdict":"allow","user":"user-06","device_id":"94fb4a33-69fb-4d3c-88fc-0ca29ec73a65","ip":"67.43.156.1","risk_score":0}}', 1796679670814);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_51a8cb9355b2518e62183b35', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.834682683Z","data":{"evaluation_id":"01a25274-1c35-7509-8b86-36aebee53a03","action":"access","verdict":"allow","user":"user-06","device_id":"94fb4a33-69fb-4d3c-88fc-0ca29ec73a65","ip":"202.196.224.1","risk_score":49}}', 1796679670834);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_f6385fa2d8c837d23960ddf8', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.852676527Z","data":{"evaluation_id":"01a25274-1c47-77b1-88bd-b8f6ea2fc9f7","action":"access","verdict":"allow","user":"user-06","device_id":"94fb4a33-69fb-4d3c-88fc-0ca29ec73a65","ip":"81.2.69.160","risk_score":59}}', 1796679670852);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_03240ffedce16ad35dcebd4f', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.865126235Z","data":{"evaluation_id":"01a25274-1c54-74a7-aba1-04d0f68202be","action":"login","verdict":"allow","user":"user-06","device_id":"d6361f13-20d8-498d-8a89-5ed53be9a3b8","ip":"202.196.224.1","risk_score":57}}', 1796679670865);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_43e375178ccf332a5c18dfb6', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.876671161Z","data":{"evaluation_id":"01a25274-1c5e-7cdf-ba95-cfc3d6021350","action":"access","verdict":"allow","user":"user-06","device_id":"d6361f13-20d8-498d-8a89-5ed53be9a3b8","ip":"81.2.69.160","risk_score":52}}', 1796679670876);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ac34cc4ba9fd4e7799ed4ddc', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.887238929Z","data":{"evaluation_id":"01a25274-1c6c-7c21-9a12-c3de93012f83","action":"login","verdict":"allow","user":"user-06","device_id":"618471f3-c439-441a-a535-460b7069dc40","ip":"81.2.69.160","risk_score":28}}', 1796679670887);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_4d41cc13e6dcc7894115001f', 'evaluation.created', 'user-06', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.899799547Z","data":{"evaluation_id":"01a25274-1c75-7a04-a152-4cfe301a73f5","action":"access","verdict":"challenge","user":"user-06","device_id":"618471f3-c439-441a-a535-460b7069dc40","ip":"89.160.20.128","risk_score":59,"policy_id":"pol_kGnoSkHjqsypHlez","challenge_id":"ch_Q0dlDF8mvB1gppqMnedgqsk2PMiLavwB"}}', 1796679670899);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_b678bd500007f1d98e109748', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.912010073Z","data":{"evaluation_id":"01a25274-1c81-711a-b7fa-c561b7541645","action":"signup","verdict":"allow","user":"user-07","device_id":"ccacd0ed-0de3-4712-87c2-0a9e673052ef","ip":"202.196.224.1","risk_score":0}}', 1796679670912);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ff4096d488e9c1eccb0def83', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.922950946Z","data":{"evaluation_id":"01a25274-1c8d-7610-a082-a09b97cd3241","action":"access","verdict":"allow","user":"user-07","device_id":"ccacd0ed-0de3-4712-87c2-0a9e673052ef","ip":"81.2.69.160","risk_score":49}}', 1796679670922);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_9d27a75f07c110606f815e9d', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.933873285Z","data":{"evaluation_id":"01a25274-1c97-7059-b2ff-e85d60c87ca2","action":"access","verdict":"allow","user":"user-07","device_id":"ccacd0ed-0de3-4712-87c2-0a9e673052ef","ip":"89.160.20.128","risk_score":59}}', 1796679670933);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_c7b0923c3ecd31e5affd5fc1', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.946322452Z","data":{"evaluation_id":"01a25274-1ca7-768e-8fc7-3c35f88e8594","action":"login","verdict":"allow","user":"user-07","device_id":"7c6bb40f-f224-40ce-b251-50c38bdd2ba0","ip":"81.2.69.160","risk_score":57}}', 1796679670946);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_4accbc8af85066520b0b11a4', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.961648610Z","data":{"evaluation_id":"01a25274-1cb4-7f47-83cb-013c96b90c04","action":"access","verdict":"allow","user":"user-07","device_id":"7c6bb40f-f224-40ce-b251-50c38bdd2ba0","ip":"89.160.20.128","risk_score":52}}', 1796679670961);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_75207733bcef31546d8ffc7d', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.974349904Z","data":{"evaluation_id":"01a25274-1cc5-776e-8515-1e0282fe9b56","action":"login","verdict":"allow","user":"user-07","device_id":"0f44246b-1f66-4825-b857-ad22cd16c231","ip":"89.160.20.128","risk_score":28}}', 1796679670974);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_42c603e8d969a09cabde48e1', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:10.991161732Z","data":{"evaluation_id":"01a25274-1cd2-7c6c-b131-b82f4c2fbb6c","action":"access","verdict":"challenge","user":"user-07","device_id":"0f44246b-1f66-4825-b857-ad22cd16c231","ip":"2.125.160.216","risk_score":54,"policy_id":"pol_kGnoSkHjqsypHlez","challenge_id":"ch_rw9ngUy1uQ78nGP1AKzQMA04Jn3SuqU2"}}', 1796679670991);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ed50d5b8c7818ae89d0b1aed', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.009036801Z","data":{"evaluation_id":"01a25274-1ce6-770c-885e-3f0912aacd60","action":"login","verdict":"allow","user":"user-07","device_id":"ef5de34a-530a-407f-b383-4ab56c408ad7","ip":"2.125.160.216","risk_score":57}}', 1796679671009);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_30d823c94b81ef8479c28e9b', 'evaluation.created', 'user-07', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.026004966Z","data":{"evaluation_id":"01a25274-1cf8-73a9-b60d-a06139d84f04","action":"access","verdict":"challenge","user":"user-07","device_id":"ef5de34a-530a-407f-b383-4ab56c408ad7","ip":"216.160.83.56","risk_score":75,"policy_id":"pol_kGnoSkHjqsypHlez","challenge_id":"ch_eN64sl7tpim0f65L1a4NCKudEZlG6CuI"}}', 1796679671026);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_6d496ca1f66d0c8ad0ca006d', 'evaluation.created', 'user-08', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.047239198Z","data":{"evaluation_id":"01a25274-1d0e-779f-869b-bd89c9dda675","action":"signup","verdict":"allow","user":"user-08","device_id":"a113872f-cc86-4b1f-948d-d6fc50d527d3","ip":"81.2.69.160","risk_score":0}}', 1796679671047);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_b17663fe8884943e350ab004', 'evaluation.created', 'user-08', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.068717603Z","data":{"evaluation_id":"01a25274-1d23-78dc-8083-f4f5ad4ee119","action":"access","verdict":"allow","user":"user-08","device_id":"a113872f-cc86-4b1f-948d-d6fc50d527d3","ip":"89.160.20.128","risk_score":49}}', 1796679671068);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_5eafc81d02c9f77c128de3ee', 'evaluation.created', 'user-08', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.086989082Z","data":{"evaluation_id":"01a25274-1d33-751d-98f1-1f40864b4851","action":"access","verdict":"allow","user":"user-08","device_id":"a113872f-cc86-4b1f-948d-d6fc50d527d3","ip":"2.125.160.216","risk_score":43}}', 1796679671086);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_f316c6672695c32d0c8469ea', 'evaluation.created', 'user-09', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.102865752Z","data":{"evaluation_id":"01a25274-1d42-746c-895a-ab20f0616e6d","action":"signup","verdict":"allow","user":"user-09","device_id":"20e6bfb8-965d-46da-afd1-7ca5704c12c5","ip":"89.160.20.128","risk_score":0}}', 1796679671102);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_e35e4d5c1b0a5f1fa9277912', 'evaluation.created', 'user-09', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.122046371Z","data":{"evaluation_id":"01a25274-1d56-7588-9eef-450f0cae53ce","action":"access","verdict":"allow","user":"user-09","device_id":"20e6bfb8-965d-46da-afd1-7ca5704c12c5","ip":"2.125.160.216","risk_score":49}}', 1796679671122);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_54936949fa692966f19d1d33', 'evaluation.created', 'user-09', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.135230819Z","data":{"evaluation_id":"01a25274-1d61-7517-aaab-c75ff0a9c1b2","action":"access","verdict":"allow","user":"user-09","device_id":"20e6bfb8-965d-46da-afd1-7ca5704c12c5","ip":"216.160.83.56","risk_score":59}}', 1796679671135);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_38e42c49f6aca151fab817f6', 'evaluation.created', 'user-09', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.151004754Z","data":{"evaluation_id":"01a25274-1d7e-7bb4-af84-723c55598df9","action":"login","verdict":"allow","user":"user-09","device_id":"fbd89042-5032-47c3-b035-45b36e38c007","ip":"2.125.160.216","risk_score":57}}', 1796679671151);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_f90a9f9f3e3c8156936143d5', 'evaluation.created', 'user-09', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.179068775Z","data":{"evaluation_id":"01a25274-1d8f-7394-9b26-e77a7b298071","action":"access","verdict":"allow","user":"user-09","device_id":"fbd89042-5032-47c3-b035-45b36e38c007","ip":"216.160.83.56","risk_score":52}}', 1796679671179);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_4e85b0fe231f1a014491cde2', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.197149313Z","data":{"evaluation_id":"01a25274-1d9f-7e73-8968-fce3152fd477","action":"signup","verdict":"allow","user":"user-10","device_id":"44fd1a31-fb5e-4c61-9f13-bf85e0bacd89","ip":"2.125.160.216","risk_score":0}}', 1796679671197);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_52b148e21c2b40b177f7bc01', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.208566437Z","data":{"evaluation_id":"01a25274-1dab-7540-b8fc-6f8c5cbae573","action":"access","verdict":"allow","user":"user-10","device_id":"44fd1a31-fb5e-4c61-9f13-bf85e0bacd89","ip":"216.160.83.56","risk_score":49}}', 1796679671208);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_1bcaf207c3695dad3aeb9eea', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.221226403Z","data":{"evaluation_id":"01a25274-1db7-78de-a8a1-68eea6089a32","action":"access","verdict":"allow","user":"user-10","device_id":"44fd1a31-fb5e-4c61-9f13-bf85e0bacd89","ip":"175.16.199.1","risk_score":59}}', 1796679671221);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_271e8cc862caa659efbfc582', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.234355225Z","data":{"evaluation_id":"01a25274-1dc8-71c0-8c00-f5590ca6594f","action":"login","verdict":"allow","user":"user-10","device_id":"63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e","ip":"216.160.83.56","risk_score":57}}', 1796679671234);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_395d071bb84a7c59973fc02b', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.252223322Z","data":{"evaluation_id":"01a25274-1dd7-78ac-b64d-f2eb7973e027","action":"access","verdict":"allow","user":"user-10","device_id":"63632d15-3993-4e5d-8fa0-e2fe3c8d5d8e","ip":"175.16.199.1","risk_score":52}}', 1796679671252);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_37bdd374f785dd32664dedf9', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.266686077Z","data":{"evaluation_id":"01a25274-1dea-7030-8534-ab7cb45cb2a7","action":"login","verdict":"allow","user":"user-10","device_id":"fb768a36-675a-42c8-9a91-a4cdabef0c5f","ip":"175.16.199.1","risk_score":28}}', 1796679671266);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_c10e526177fdda29c63384d7', 'evaluation.created', 'user-10', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.292055030Z","data":{"evaluation_id":"01a25274-1dff-7c60-85c0-d07ffba892a6","action":"access","verdict":"challenge","user":"user-10","device_id":"fb768a36-675a-42c8-9a91-a4cdabef0c5f","ip":"2a02:cf40::1:2","risk_score":59,"policy_id":"pol_kGnoSkHjqsypHlez","challenge_id":"ch_gXrhr0V9RzJCLoxCTOowQeFVKpTXKN5N"}}', 1796679671292);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_4623a7379ce5fa9111ffb33b', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.308972929Z","data":{"evaluation_id":"01a25274-1e13-7a88-9ba7-ba4f424c3016","action":"signup","verdict":"allow","user":"user-11","device_id":"15314198-f31e-45e6-85f6-8bcfb7af543d","ip":"216.160.83.56","risk_score":0}}', 1796679671308);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_78f0f935697f33b243b73ead', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.325755522Z","data":{"evaluation_id":"01a25274-1e20-7df0-be66-008c615251c8","action":"access","verdict":"allow","user":"user-11","device_id":"15314198-f31e-45e6-85f6-8bcfb7af543d","ip":"175.16.199.1","risk_score":49}}', 1796679671325);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_adc81eaee7866d46504a45a3', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.336792468Z","data":{"evaluation_id":"01a25274-1e2b-7d86-ae0f-806d12ec3d37","action":"access","verdict":"allow","user":"user-11","device_id":"15314198-f31e-45e6-85f6-8bcfb7af543d","ip":"2a02:cf40::1:2","risk_score":59}}', 1796679671336);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_58634714a8554813df833c05', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.348617534Z","data":{"evaluation_id":"01a25274-1e37-75d6-95d8-70abeef22527","action":"login","verdict":"allow","user":"user-11","device_id":"1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8","ip":"175.16.199.1","risk_score":57}}', 1796679671348);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_6eb58ac1a9c2fdbf867e8f18', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.359277727Z","data":{"evaluation_id":"01a25274-1e43-720e-ac8b-e415deb066eb","action":"access","verdict":"allow","user":"user-11","device_id":"1ba86d2b-17aa-44b7-a688-ab07fa5fd1e8","ip":"2a02:cf40::1:2","risk_score":52}}', 1796679671359);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_2a6d00df193788aea3da9a02', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.375689289Z","data":{"evaluation_id":"01a25274-1e53-7b18-aa44-b33437b2604e","action":"login","verdict":"allow","user":"user-11","device_id":"35037f10-ac41-4b2b-983e-843b8410b62c","ip":"2a02:cf40::1:2","risk_score":28}}', 1796679671375);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_31ef6b0aa5a3a84137b0d7be', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.390798206Z","data":{"evaluation_id":"01a25274-1e63-778e-b8a9-5bebb4614db5","action":"access","verdict":"challenge","user":"user-11","device_id":"35037f10-ac41-4b2b-983e-843b8410b62c","ip":"67.43.156.1","risk_score":54,"policy_id":"pol_kGnoSkHjqsypHlez","challenge_id":"ch_dTojYvOlpdsBbo6SMIcnIWNlqk4757Zw"}}', 1796679671390);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ff4db2a25b676c589f8df365', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.412769533Z","data":{"evaluation_id":"01a25274-1e79-7c20-9d17-8ed29867abcc","action":"login","verdict":"allow","user":"user-11","device_id":"12130899-74b3-4189-8f3f-2737ccb8ba38","ip":"67.43.156.1","risk_score":28}}', 1796679671412);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_ac3777b4a80ed2eaaa098f94', 'evaluation.created', 'user-11', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.427054963Z","data":{"evaluation_id":"01a25274-1e88-778b-8bae-9bc910b13355","action":"access","verdict":"challenge","user":"user-11","device_id":"12130899-74b3-4189-8f3f-2737ccb8ba38","ip":"202.196.224.1","risk_score":54,"policy_id":"pol_kGnoSkHjqsypHlez","challenge_id":"ch_JL6WTvG7PH0ZEn46AgzDgqll365wOIXW"}}', 1796679671427);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_9650f8365f499ee3140d827a', 'evaluation.created', 'user-01', '{"type":"evaluation.created","timestamp":"2026-12-07T21:41:11.498280551Z","data":{"evaluation_id":"01a25274-1ece-7bfc-b32a-13f138bb8f2d","action":"login","verdict":"allow","user":"user-01","device_id":"596ce914-d570-4f6d-9401-f0c296303b4d","ip":"127.0.0.1","risk_score":24,"policy_id":"pol_XvlVYdmPcOTi0Gkt"}}', 1796679671498);
INSERT INTO earlier_release_schema.webhook_messages VALUES ('app_WRlVGO1Oc2SF3OAp', 'msg_2474f7bc57433d6f475183c5', 'device.detached', 'user-03', '{"type":"device.detached","timestamp":"2026-12-07T21:41:11.630840639Z","data":{"user":"user-03","device_id":"85c0fe50-f6e4-4144-9c8f-71dfe7823f04"}}', 1796679671630);


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
-- Name: operator_sessions operator_sessions_pkey; Type: CONSTRAINT; Schema: earlier_release_schema; Owner: -
--

ALTER TABLE ONLY earlier_release_schema.operator_sessions
    ADD CONSTRAINT operator_sessions_pkey PRIMARY KEY (token_hash);


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
-- Name: challenges_by_account; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX challenges_by_account ON earlier_release_schema.challenges USING btree (app_id, account_key, device_id);


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
-- Name: webhook_deliveries_due; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX webhook_deliveries_due ON earlier_release_schema.webhook_deliveries USING btree (status, next_attempt_at);


--
-- Name: webhook_messages_by_user; Type: INDEX; Schema: earlier_release_schema; Owner: -
--

CREATE INDEX webhook_messages_by_user ON earlier_release_schema.webhook_messages USING btree (app_id, user_id);


--
-- PostgreSQL database dump complete
--


