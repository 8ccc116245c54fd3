-- Housekeeping becomes a schedule like the others (editable, with runs): nightly at 03:30, as the fixed Quartz job
-- it replaces. That job's class is gone, so its stored trigger and job go too, or Quartz would fail to load them.
insert into schedule (name, kind, target_all, cron, concurrency, enabled, created_by, created_at, updated_at)
values ('Housekeeping', 'HOUSEKEEPING', true, '0 30 3 * * ?', 1, true, 'parc', now(), now());

delete from qrtz_fired_triggers where job_name = 'machine-import-housekeeping' and job_group = 'parc';
delete from qrtz_cron_triggers where trigger_name = 'machine-import-housekeeping' and trigger_group = 'parc';
delete from qrtz_triggers where job_name = 'machine-import-housekeeping' and job_group = 'parc';
delete from qrtz_job_details where job_name = 'machine-import-housekeeping' and job_group = 'parc';
