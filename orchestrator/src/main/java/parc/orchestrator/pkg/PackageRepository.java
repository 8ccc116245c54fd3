package parc.orchestrator.pkg;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.system.sql.LikePattern;

@Repository
class PackageRepository {

	private static final TypeReference<List<PackageFile>> MANIFEST = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, depot_id, label, version, description, command, os_family, needs_reboot, file_count, size_bytes,
			created_by, created_at, updated_at, agent_settings::text as agent_settings""";

	private static final String FILTER = """
			(cast(:q as text) is null or label ilike '%' || cast(:q as text) || '%' escape '\\'
			 or version ilike '%' || cast(:q as text) || '%' escape '\\'
			 or description ilike '%' || cast(:q as text) || '%' escape '\\')""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	PackageRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<PackageDepot> depots() {
		return this.jdbc.sql("select * from package_depot order by is_default desc, lower(name)")
			.query((rs, row) -> new PackageDepot(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
					rs.getBoolean("is_default"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	boolean exists(String label, String version, long depotId, Long exceptId) {
		return this.jdbc.sql("""
				select count(*) from software_package
				 where depot_id = :depot and lower(label) = lower(:label) and lower(version) = lower(:version)
				   and id <> coalesce(:id, -1)
				""")
			.param("depot", depotId)
			.param("label", label)
			.param("version", version)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long insert(long depotId, PackageDraft draft, List<PackageFile> manifest, String createdBy, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into software_package (depot_id, label, version, description, command, os_family, needs_reboot,
				                              manifest, file_count, size_bytes, created_by, created_at, updated_at,
				                              agent_settings)
				values (:depot, :label, :version, :description, :command, :os, :reboot, cast(:manifest as jsonb),
				        :count, :size, :by, :now, :now, cast(:agent as jsonb))
				""")
			.param("agent", writeAgent(draft.agent()))
			.param("depot", depotId)
			.param("label", draft.label().trim())
			.param("version", draft.version().trim())
			.param("description", draft.description())
			.param("command", draft.command().trim())
			.param("os", draft.osFamily().name())
			.param("reboot", draft.reboot())
			.param("manifest", write(manifest))
			.param("count", manifest.size())
			.param("size", manifest.stream().mapToLong(PackageFile::size).sum())
			.param("by", createdBy)
			.param("now", Timestamp.from(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	void update(long id, PackageDraft draft, Instant now) {
		this.jdbc.sql("""
				update software_package set label = ?, version = ?, description = ?, command = ?, os_family = ?,
				       needs_reboot = ?, updated_at = ?, agent_settings = cast(? as jsonb)
				 where id = ?
				""")
			.params(draft.label().trim(), draft.version().trim(), draft.description(), draft.command().trim(),
					draft.osFamily().name(), draft.reboot(), Timestamp.from(now), writeAgent(draft.agent()), id)
			.update();
	}

	Optional<SoftwarePackage> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + ", manifest::text as manifest from software_package where id = ?")
			.param(id)
			.query((rs, row) -> map(rs, read(rs.getString("manifest"))))
			.optional();
	}

	Page<SoftwarePackage> page(String query, PageRequest page) {
		String q = (query == null || query.isBlank()) ? null : LikePattern.literal(query.trim());
		long total = this.jdbc.sql("select count(*) from software_package where " + FILTER)
			.param("q", q)
			.query(Long.class)
			.single();
		List<SoftwarePackage> rows = this.jdbc
			.sql("select " + COLUMNS + " from software_package where " + FILTER
					+ " order by lower(label), lower(version), id limit :limit offset :offset")
			.param("q", q)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> map(rs, List.of()))
			.list();
		return new Page<>(rows, page.page(), page.size(), total);
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from software_package where id = ?").param(id).update() > 0;
	}

	private SoftwarePackage map(ResultSet rs, List<PackageFile> files) throws SQLException {
		return new SoftwarePackage(rs.getLong("id"), rs.getLong("depot_id"), rs.getString("label"),
				rs.getString("version"), rs.getString("description"), rs.getString("command"),
				OsFamily.valueOf(rs.getString("os_family")), rs.getBoolean("needs_reboot"), rs.getInt("file_count"),
				rs.getLong("size_bytes"), files, rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), readAgent(rs.getString("agent_settings")));
	}

	private String writeAgent(AgentPackageSettings agent) {
		if (agent == null) {
			return null;
		}
		try {
			return this.json.writeValueAsString(agent.complete());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Agent settings are always JSON", ex);
		}
	}

	private AgentPackageSettings readAgent(String text) {
		if (text == null) {
			return null;
		}
		try {
			return this.json.readValue(text, AgentPackageSettings.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored agent settings are not readable", ex);
		}
	}

	private String write(List<PackageFile> manifest) {
		try {
			return this.json.writeValueAsString(manifest);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A manifest is always JSON", ex);
		}
	}

	private List<PackageFile> read(String text) {
		try {
			return this.json.readValue(text, MANIFEST);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored manifest is not readable", ex);
		}
	}

}
