package parc.orchestrator.credential;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CredentialRepository {

	private static final String COLUMNS = "id, name, type, username, key_type, fingerprint, created_at, updated_at";

	private final JdbcClient jdbc;

	CredentialRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Credential> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from credential order by lower(name), id").query(this::map).list();
	}

	Optional<Credential> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from credential where id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	/** One stored secret, to check the vault's key against. */
	Optional<byte[]> anySecret() {
		return this.jdbc.sql("select secret from credential order by id limit 1").query(byte[].class).optional();
	}

	Optional<byte[]> secret(long id) {
		return this.jdbc.sql("select secret from credential where id = ?").param(id).query(byte[].class).optional();
	}

	boolean nameTakenByAnother(String name, Long id) {
		return this.jdbc
			.sql("select count(*) from credential where lower(name) = lower(:name) and id <> coalesce(:id, -1)")
			.param("name", name)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	long insert(String name, CredentialType type, String username, String keyType, String fingerprint, byte[] secret,
			Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into credential (name, type, username, key_type, fingerprint, secret, created_at, updated_at)
				values (:name, :type, :username, :keyType, :fingerprint, :secret, :now, :now)
				""")
			.param("name", name)
			.param("type", type.name())
			.param("username", username)
			.param("keyType", keyType)
			.param("fingerprint", fingerprint)
			.param("secret", secret)
			.param("now", java.sql.Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	void update(long id, String name, CredentialType type, String username, String keyType, String fingerprint,
			byte[] secret, Instant now) {
		this.jdbc.sql("""
				update credential set name = :name, type = :type, username = :username, key_type = :keyType,
				       fingerprint = :fingerprint, secret = :secret, updated_at = :now
				 where id = :id
				""")
			.param("id", id)
			.param("name", name)
			.param("type", type.name())
			.param("username", username)
			.param("keyType", keyType)
			.param("fingerprint", fingerprint)
			.param("secret", secret)
			.param("now", java.sql.Timestamp.from(now))
			.update();
	}

	int machinesUsing(long id) {
		return this.jdbc.sql("select count(*) from machine where credential_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from credential where id = ?").param(id).update() > 0;
	}

	private Credential map(ResultSet rs, int row) throws SQLException {
		return new Credential(rs.getLong("id"), rs.getString("name"), CredentialType.valueOf(rs.getString("type")),
				rs.getString("username"), rs.getString("key_type"), rs.getString("fingerprint"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
