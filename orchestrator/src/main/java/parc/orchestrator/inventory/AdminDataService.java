package parc.orchestrator.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import parc.orchestrator.machine.MachineService;

/**
 * The TAG and administrator-defined fields of machines, and their round trip with OCS
 * agents (protocol §3.4): the TAG an agent brings the first time wins once; after that
 * Parc is authoritative and sends its full set back whenever the agent's differs.
 */
@Service
public class AdminDataService {

	private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

	private final AdminDataRepository repository;

	private final MachineService machines;

	AdminDataService(AdminDataRepository repository, MachineService machines) {
		this.repository = repository;
		this.machines = machines;
	}

	public List<AdminField> fields() {
		return this.repository.fields();
	}

	/**
	 * @throws IllegalArgumentException when the key is malformed, reserved ({@code TAG})
	 * or taken, or the label is blank
	 */
	@Transactional
	public AdminField createField(String key, String label, AdminFieldType type) {
		if (key == null || !KEY.matcher(key.trim()).matches() || key.trim().equalsIgnoreCase(AccountValue.TAG)) {
			throw new IllegalArgumentException(
					"The key must start with a letter, hold only letters, digits and _, and not be TAG");
		}
		if (label == null || label.isBlank() || label.length() > 100) {
			throw new IllegalArgumentException("The label must hold 1 to 100 characters");
		}
		try {
			long id = this.repository.insertField(key.trim(), label.trim(), type);
			return new AdminField(id, key.trim(), label.trim(), type);
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("A field with the key " + key.trim() + " exists already");
		}
	}

	@Transactional
	public boolean deleteField(long id) {
		return this.repository.deleteField(id);
	}

	public AdminData get(long machineId) {
		this.machines.get(machineId);
		return this.repository.find(machineId).orElse(AdminData.empty());
	}

	/**
	 * Replaces a machine's TAG and field values; each value is checked against its
	 * field's type.
	 * @throws IllegalArgumentException naming the first unknown field or bad value
	 */
	@Transactional
	public AdminData update(long machineId, AdminData data) {
		this.machines.get(machineId);
		Map<String, AdminField> known = fields().stream().collect(Collectors.toMap(AdminField::key, (field) -> field));
		Map<String, String> values = new LinkedHashMap<>();
		data.fields().forEach((key, value) -> {
			AdminField field = known.get(key);
			if (field == null) {
				throw new IllegalArgumentException("Unknown admin field " + key);
			}
			try {
				values.put(key, field.type().normalise(value));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(field.label() + ": " + ex.getMessage());
			}
		});
		if (data.tag() != null && data.tag().length() > 255) {
			throw new IllegalArgumentException("TAG: longer than 255 characters");
		}
		AdminData saved = new AdminData(data.tag(), values);
		this.repository.save(machineId, saved);
		return saved;
	}

	/**
	 * Settles the administrative data after an agent's inventory, in the caller's
	 * transaction.
	 * @param firstContact whether this DEVICEID has just been linked to the machine: its
	 * TAG and known fields then fill what Parc does not have yet
	 * @return the complete set to send back ({@code ACCOUNT_UPDATE}), or null when the
	 * agent's set already equals Parc's
	 */
	List<AccountValue> reconcile(long machineId, List<AccountValue> fromAgent, boolean firstContact) {
		AdminData stored = this.repository.find(machineId).orElse(AdminData.empty());
		if (firstContact) {
			Map<String, AdminField> known = fields().stream()
				.collect(Collectors.toMap(AdminField::key, (field) -> field));
			AdminData adopted = adopt(stored, fromAgent, known);
			if (!adopted.equals(stored)) {
				this.repository.save(machineId, adopted);
				stored = adopted;
			}
		}
		Map<String, String> agent = new java.util.TreeMap<>();
		fromAgent.stream()
			.filter((value) -> !value.value().isBlank())
			.forEach((value) -> agent.putIfAbsent(value.key(), value.value().trim()));
		Map<String, String> parc = new java.util.TreeMap<>();
		stored.asAccountInfo().forEach((value) -> parc.put(value.key(), value.value()));
		return agent.equals(parc) ? null : stored.asAccountInfo();
	}

	/**
	 * What a first contact brings: the agent's TAG and field values where Parc has none,
	 * each value checked against its field's type (an agent's invalid date is left out).
	 */
	private static AdminData adopt(AdminData stored, List<AccountValue> fromAgent, Map<String, AdminField> known) {
		String tag = stored.tag();
		Map<String, String> fields = new LinkedHashMap<>(stored.fields());
		for (AccountValue value : fromAgent) {
			if (AccountValue.TAG.equals(value.key())) {
				if (tag == null && !value.value().isBlank() && value.value().length() <= 255) {
					tag = value.value();
				}
			}
			else if (known.containsKey(value.key()) && !value.value().isBlank()) {
				try {
					fields.putIfAbsent(value.key(), known.get(value.key()).type().normalise(value.value()));
				}
				catch (IllegalArgumentException ex) {
					// Not of the field's type: Parc keeps no value, and sends its own set
					// back.
				}
			}
		}
		return new AdminData(tag, fields);
	}

}
