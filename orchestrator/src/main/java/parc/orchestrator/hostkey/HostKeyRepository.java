package parc.orchestrator.hostkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HostKeyRepository {

	private static final String COLUMNS = """
			host, port, key_type, fingerprint, trusted, first_seen_at, approved_by, approved_at, presented_key_type,
			presented_fingerprint, presented_at""";

	private final JdbcClient jdbc;

	HostKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<HostKey> find(String host, int port) {
		return this.jdbc.sql("select " + COLUMNS + " from ssh_host_key where host = ? and port = ?")
			.params(host, port)
			.query(this::map)
			.optional();
	}

	List<HostKey> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from ssh_host_key order by host, port").query(this::map).list();
	}

	/** Keeps the first key when two first contacts race. */
	void insertIfAbsent(String host, int port, String keyType, String fingerprint, boolean trusted, Instant now) {
		this.jdbc.sql("""
				insert into ssh_host_key (host, port, key_type, fingerprint, trusted, first_seen_at)
				values (?, ?, ?, ?, ?, ?) on conflict (host, port) do nothing
				""").params(host, port, keyType, fingerprint, trusted, Timestamp.from(now)).update();
	}

	void recordPresented(String host, int port, String keyType, String fingerprint, Instant now) {
		this.jdbc.sql("""
				update ssh_host_key set presented_key_type = ?, presented_fingerprint = ?, presented_at = ?
				 where host = ? and port = ?
				""").params(keyType, fingerprint, Timestamp.from(now), host, port).update();
	}

	boolean acceptPresented(String host, int port, String fingerprint, String by, Instant now) {
		return this.jdbc.sql("""
				update ssh_host_key set key_type = presented_key_type, fingerprint = presented_fingerprint,
				       trusted = true, approved_by = ?, approved_at = ?, presented_key_type = null,
				       presented_fingerprint = null, presented_at = null, first_seen_at = ?
				 where host = ? and port = ? and presented_fingerprint = ?
				""").params(by, Timestamp.from(now), Timestamp.from(now), host, port, fingerprint).update() > 0;
	}

	boolean approve(String host, int port, String fingerprint, String by, Instant now) {
		return this.jdbc.sql("""
				update ssh_host_key set trusted = true, approved_by = ?, approved_at = ?
				 where host = ? and port = ? and fingerprint = ? and not trusted
				""").params(by, Timestamp.from(now), host, port, fingerprint).update() > 0;
	}

	boolean delete(String host, int port) {
		return this.jdbc.sql("delete from ssh_host_key where host = ? and port = ?").params(host, port).update() > 0;
	}

	private HostKey map(ResultSet rs, int row) throws SQLException {
		return new HostKey(rs.getString("host"), rs.getInt("port"), rs.getString("key_type"),
				rs.getString("fingerprint"), rs.getBoolean("trusted"), instant(rs, "first_seen_at"),
				rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("presented_key_type"),
				rs.getString("presented_fingerprint"), instant(rs, "presented_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
