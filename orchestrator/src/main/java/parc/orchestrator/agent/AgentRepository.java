package parc.orchestrator.agent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AgentRepository {

	private final JdbcClient jdbc;

	AgentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The device's overrides and when its machine last sent an inventory (changed or
	 * not); empty when Parc has never seen the DEVICEID.
	 */
	Optional<KnownDevice> find(String deviceId) {
		return this.jdbc.sql("""
				select d.machine_id, d.frequency_days, d.prolog_freq_hours, i.last_contact_at
				from agent_device d left join machine_inventory i on i.machine_id = d.machine_id
				where d.device_id = ?
				""")
			.param(deviceId)
			.query((rs, row) -> new KnownDevice(rs.getLong("machine_id"), rs.getObject("frequency_days", Integer.class),
					rs.getObject("prolog_freq_hours", Integer.class),
					Optional.ofNullable(rs.getTimestamp("last_contact_at")).map(Timestamp::toInstant).orElse(null)))
			.optional();
	}

	Optional<AgentOverrides> overrides(long machineId) {
		return this.jdbc.sql("""
				select frequency_days, prolog_freq_hours from agent_device where machine_id = ?
				order by last_contact_at desc limit 1
				""")
			.param(machineId)
			.query((rs, row) -> new AgentOverrides(rs.getObject("frequency_days", Integer.class),
					rs.getObject("prolog_freq_hours", Integer.class)))
			.optional();
	}

	int setOverrides(long machineId, AgentOverrides overrides) {
		return this.jdbc.sql("update agent_device set frequency_days = ?, prolog_freq_hours = ? where machine_id = ?")
			.params(overrides.frequencyDays(), overrides.prologFrequencyHours(), machineId)
			.update();
	}

	void insertDownloadReport(String deviceId, Long machineId, String packageId, String result, Instant at) {
		this.jdbc.sql("""
				insert into agent_download_report (device_id, machine_id, package_id, result, reported_at)
				values (?, ?, ?, ?, ?)
				""").params(deviceId, machineId, packageId, result, Timestamp.from(at)).update();
	}

	record KnownDevice(long machineId, Integer frequencyDays, Integer prologFrequencyHours, Instant lastInventoryAt) {
	}

}
