-- The fixed store of test_telemetry: see the comment on its initTestCase().
INSERT INTO pipeline_runs (id, trigger, as_of, config_hash, policy_sha256, agent_versions, status,
    started_at, finished_at, leads_total, briefs_written)
VALUES ('01920000-0000-7000-8000-000000000001', 'cli', '2026-11-01T10:00:00.000Z', 'c', 'p', '{}',
    'done', '2026-11-01T10:00:00.000Z', '2026-11-01T10:05:00.000Z', 3, 3);
INSERT INTO briefs (id, lead_id, run_id, fingerprint, status, owner, sla_due, score, grid,
    escalation_reasons, created_at, brief, completeness, signal_at, pipeline_ms) VALUES
 (1, 1, '01920000-0000-7000-8000-000000000001', 'f1', 'approved', 'a', '2026-11-01T18:00:00.000Z', 85, 'A1', '[]', '2026-11-01T10:00:00.000Z', '{}', 0.95, '2026-11-01T08:00:00.000Z', 100),
 (2, 2, '01920000-0000-7000-8000-000000000001', 'f2', 'escalated', 'a', '2026-11-02T12:00:00.000Z', 45, 'B2', '["consent"]', '2026-11-01T12:00:00.000Z', '{}', 0.55, '2026-11-01T06:00:00.000Z', 10),
 (3, 3, '01920000-0000-7000-8000-000000000001', 'f3', 'pending_review', 'a', '2026-11-02T17:00:00.000Z', 70, 'A2', '[]', '2026-11-02T09:00:00.000Z', '{}', 0.72, '2026-11-01T09:00:00.000Z', 300),
 (4, 4, '01920000-0000-7000-8000-000000000001', 'f4', 'pending_review', 'a', '2026-10-31T17:00:00.000Z', 50, 'B1', '[]', '2026-10-31T09:00:00.000Z', '{}', 0.9, '2026-10-31T08:00:00.000Z', 5);
INSERT INTO agent_steps (run_id, lead_id, agent, version, inputs, output, decision, rationale,
    policy_checks, duration_ms, trace_id, span_id) VALUES
 ('01920000-0000-7000-8000-000000000001', 1, 'enrichment', '1.0.0', '[]', '{}', 'd', '[]', '{}', 10, '0123456789abcdef0123456789abcdef', '0000000000000001'),
 ('01920000-0000-7000-8000-000000000001', 1, 'scoring', '1.0.0', '[]', '{}', 'd', '[]', '{}', 20, '0123456789abcdef0123456789abcdef', '0000000000000002'),
 ('01920000-0000-7000-8000-000000000001', 1, 'summarization', '1.0.0', '[]', '{}', 'd', '[]', '{}', 30, '0123456789abcdef0123456789abcdef', '0000000000000003'),
 ('01920000-0000-7000-8000-000000000001', 1, 'handoff', '1.0.0', '[]', '{}', 'd', '[]', '{}', 40, '0123456789abcdef0123456789abcdef', '0000000000000004'),
 ('01920000-0000-7000-8000-000000000001', 2, 'enrichment', '1.0.0', '[]', '{}', 'd', '[]', '{}', 5, 'fedcba9876543210fedcba9876543210', '0000000000000005'),
 ('01920000-0000-7000-8000-000000000001', 2, 'scoring', '1.0.0', '[]', '{}', 'd', '[]', '{}', 5, 'fedcba9876543210fedcba9876543210', '0000000000000006'),
 ('01920000-0000-7000-8000-000000000001', 3, 'enrichment', '1.0.0', '[]', '{}', 'd', '[]', '{}', 300, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '0000000000000007');
INSERT INTO run_items (run_id, lead_id, status, brief_id) VALUES
 ('01920000-0000-7000-8000-000000000001', 1, 'briefed', 1),
 ('01920000-0000-7000-8000-000000000001', 2, 'briefed', 2),
 ('01920000-0000-7000-8000-000000000001', 3, 'briefed', 3);
INSERT INTO review_actions (brief_id, version, action, actor, role, os_user, status_before,
    status_after, at) VALUES
 (1, 1, 'edit', 'a', 'rep', 'u', 'pending_review', 'pending_review', '2026-11-01T13:00:00.000Z'),
 (1, 2, 'approve', 'a', 'rep', 'u', 'pending_review', 'approved', '2026-11-01T14:00:00.000Z'),
 (2, 1, 'escalate', 'a', 'rep', 'u', 'escalated', 'escalated', '2026-11-03T00:00:00.000Z');
INSERT INTO outbox (brief_id, kind, op_key, payload, status, next_attempt_at, created_at,
    updated_at) VALUES
 (1, 'upsert_person', 'k1', '{}', 'done', 't', 't', '2026-11-02T08:00:00.000Z'),
 (1, 'create_note', 'k2', '{}', 'done', 't', 't', '2026-11-02T08:00:01.000Z'),
 (1, 'create_task', 'k3', '{}', 'failed', 't', 't', '2026-11-02T08:00:02.000Z'),
 (4, 'upsert_person', 'k4', '{}', 'done', 't', 't', '2026-10-30T08:00:00.000Z');
INSERT INTO crm_outcomes (lead_id, crm_system, crm_id, lifecycle_stage, opportunity_seen_at,
    pulled_at) VALUES (1, 'hubspot', '901', 'opportunity', '2026-11-20T14:00:00.000Z', 't');
INSERT INTO ingest_batches (id, source_system, format, file_name, file_sha256, file_size, status,
    started_at, finished_at) VALUES
 (1, 'hubspot', 'hubspot', 'contacts.csv', 'aa', 1, 'done', '2026-11-04T11:59:00.000Z', '2026-11-04T12:00:00.000Z'),
 (2, 'marketo', 'marketo', 'activities.csv', 'bb', 1, 'done', '2026-10-31T23:59:00.000Z', '2026-11-01T00:00:00.000Z');
INSERT INTO contract_usage (batch_id, contract, version, records) VALUES
 (1, 'lead', 2, 40), (2, 'engagement_event', 2, 900);
INSERT INTO quarantine (batch_id, file_name, line, contract, field, message, errors, created_at) VALUES
 (1, 'contacts.csv', 3, 'lead@2', 'email', 'm', '[]', '2026-11-01T12:00:00.000Z'),
 (1, 'contacts.csv', 4, 'lead@2', 'email', 'm', '[]', '2026-11-01T12:00:00.000Z'),
 (1, 'contacts.csv', 5, 'lead@2', 'Create Date', 'm', '[]', '2026-11-03T12:00:00.000Z'),
 (2, 'activities.csv', 9, 'engagement_event@2', 'record/occurred_at', 'm', '[]', '2026-11-03T12:00:00.000Z');
