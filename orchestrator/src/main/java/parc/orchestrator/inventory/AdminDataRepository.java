package parc.orchestrator.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AdminDataRepository {

	private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AdminDataRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<AdminField> fields() {
		return this.jdbc.sql("select id, key, label, type from admin_field order by label, id")
			.query((rs, row) -> new AdminField(rs.getLong("id"), rs.getString("key"), rs.getString("label"),
					AdminFieldType.valueOf(rs.getString("type"))))
			.list();
	}

	long insertField(String key, String label, AdminFieldType type) {
		return this.jdbc.sql("insert into admin_field (key, label, type) values (?, ?, ?) returning id")
			.params(key, label, type.name())
			.query(Long.class)
			.single();
	}

	/** Removes the field and its value on every machine. */
	boolean deleteField(long id) {
		// jsonb_exists is the ? operator, which JDBC would take for a parameter.
		this.jdbc.sql("""
				update machine_admin_data d set fields = d.fields - f.key, updated_at = now()
				from admin_field f where f.id = ? and jsonb_exists(d.fields, f.key)
				""").param(id).update();
		return this.jdbc.sql("delete from admin_field where id = ?").param(id).update() == 1;
	}

	Optional<AdminData> find(long machineId) {
		return this.jdbc.sql("select tag, fields::text as fields from machine_admin_data where machine_id = ?")
			.param(machineId)
			.query((rs, row) -> new AdminData(rs.getString("tag"), read(rs.getString("fields"))))
			.optional();
	}

	void save(long machineId, AdminData data) {
		try {
			this.jdbc.sql("""
					insert into machine_admin_data (machine_id, tag, fields) values (?, ?, cast(? as jsonb))
					on conflict (machine_id) do update set tag = excluded.tag, fields = excluded.fields,
					    updated_at = now()
					""").params(machineId, data.tag(), this.json.writeValueAsString(data.fields())).update();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Admin data cannot be written as JSON", ex);
		}
	}

	private Map<String, String> read(String text) {
		try {
			return this.json.readValue(text, FIELDS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored admin data is not JSON", ex);
		}
	}

}
