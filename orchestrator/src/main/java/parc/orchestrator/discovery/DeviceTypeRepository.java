package parc.orchestrator.discovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeviceTypeRepository {

	private final JdbcClient jdbc;

	DeviceTypeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<DeviceType> all() {
		return this.jdbc.sql("select * from device_type order by lower(name)").query(DeviceTypeRepository::map).list();
	}

	Optional<DeviceType> find(long id) {
		return this.jdbc.sql("select * from device_type where id = ?")
			.param(id)
			.query(DeviceTypeRepository::map)
			.optional();
	}

	long insert(String name, String by, Instant now) {
		return this.jdbc.sql("insert into device_type (name, created_by, created_at) values (?, ?, ?) returning id")
			.params(name, by, Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	long usedBy(long id) {
		return this.jdbc.sql("select count(*) from device where device_type_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from device_type where id = ?").param(id).update() == 1;
	}

	private static DeviceType map(ResultSet rs, int row) throws SQLException {
		return new DeviceType(rs.getLong("id"), rs.getString("name"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}

}
