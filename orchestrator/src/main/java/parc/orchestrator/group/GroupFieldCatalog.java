package parc.orchestrator.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.AdminField;

/**
 * Every field a criterion can name: the built-in {@link GroupField}s, then the
 * administrative fields as {@code admin.<key>}, which come and go with the settings.
 */
@Component
public class GroupFieldCatalog {

	static final String ADMIN_PREFIX = "admin.";

	private final AdminDataService adminData;

	GroupFieldCatalog(AdminDataService adminData) {
		this.adminData = adminData;
	}

	public List<GroupFieldInfo> fields() {
		List<GroupFieldInfo> fields = new ArrayList<>();
		for (GroupField field : GroupField.values()) {
			fields.add(new GroupFieldInfo(field.key(), field.label(), field.type(), field.type().operators(),
					field.choices()));
		}
		for (AdminField field : this.adminData.fields()) {
			GroupFieldType type = typeOf(field);
			fields
				.add(new GroupFieldInfo(ADMIN_PREFIX + field.key(), field.label(), type, type.operators(), List.of()));
		}
		return fields;
	}

	Map<String, AdminField> adminFields() {
		return this.adminData.fields().stream().collect(Collectors.toMap(AdminField::key, Function.identity()));
	}

	static GroupFieldType typeOf(AdminField field) {
		return switch (field.type()) {
			case TEXT -> GroupFieldType.TEXT;
			case INTEGER, DECIMAL -> GroupFieldType.NUMBER;
			case DATE -> GroupFieldType.DATE;
		};
	}

}
