package parc.orchestrator.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Repository;

@Repository
class UserAccountRepository {

	private static final String COLUMNS = "username, role, enabled, created_at, updated_at";

	private final JdbcClient jdbc;

	UserAccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<UserAccount> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from user_account order by username").query(this::map).list();
	}

	Optional<UserAccount> find(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from user_account where username = ?")
			.param(username)
			.query(this::map)
			.optional();
	}

	/** The hash of an enabled account only: a disabled account matches no password. */
	Optional<String> findPasswordHash(String username) {
		return this.jdbc.sql("select password_hash from user_account where username = ? and enabled")
			.param(username)
			.query(String.class)
			.optional();
	}

	Optional<UserDetails> findLogin(String username, boolean locked) {
		return this.jdbc.sql("select username, password_hash, role, enabled from user_account where username = ?")
			.param(username)
			.query((rs, row) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.roles(rs.getString("role"))
				.disabled(!rs.getBoolean("enabled"))
				.accountLocked(locked)
				.build())
			.optional();
	}

	boolean insert(String username, String passwordHash, Role role) {
		return this.jdbc.sql("""
				insert into user_account (username, password_hash, role) values (?, ?, ?)
				on conflict (username) do nothing
				""").params(username, passwordHash, role.name()).update() == 1;
	}

	boolean isEmpty() {
		return this.jdbc.sql("select not exists (select 1 from user_account)").query(Boolean.class).single();
	}

	int countEnabledAdminsOtherThan(String username) {
		return this.jdbc.sql("select count(*) from user_account where role = 'ADMIN' and enabled and username <> ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

	void updateRole(String username, Role role) {
		this.jdbc.sql("update user_account set role = ?, updated_at = now() where username = ?")
			.params(role.name(), username)
			.update();
	}

	void updateEnabled(String username, boolean enabled) {
		this.jdbc.sql("update user_account set enabled = ?, updated_at = now() where username = ?")
			.params(enabled, username)
			.update();
	}

	void updatePasswordHash(String username, String passwordHash) {
		this.jdbc.sql("update user_account set password_hash = ?, updated_at = now() where username = ?")
			.params(passwordHash, username)
			.update();
	}

	/** Serialises the "last administrator" checks of concurrent changes. */
	void lockAccounts() {
		this.jdbc.sql("lock table user_account in share row exclusive mode").update();
	}

	private UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
