-- Requests to the agent endpoint that Parc refused, so that an agent Parc cannot understand is seen the same day and
-- not weeks later. One row per source address, User-Agent, status and reason, with a count: an agent retrying every
-- few minutes makes one row, not thousands. The table is capped (oldest rows go first) by AgentRefusalService.
create table agent_refusal (
    id              bigserial   primary key,
    remote_address  text        not null,
    user_agent      text        not null default '',
    status          integer     not null,
    reason          text        not null,
    device_id       text,
    first_at        timestamptz not null,
    last_at         timestamptz not null,
    times           bigint      not null default 1,
    unique (remote_address, user_agent, status, reason)
);
create index agent_refusal_last_idx on agent_refusal (last_at desc);
create index agent_refusal_device_idx on agent_refusal (device_id);
