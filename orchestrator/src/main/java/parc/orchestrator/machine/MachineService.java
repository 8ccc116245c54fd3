package parc.orchestrator.machine;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.system.paging.Page;

/**
 * Registers, finds, changes and removes machines. Drafts are validated on entry (a
 * {@link jakarta.validation.ConstraintViolationException} names each bad field) and
 * normalised before they are stored: MAC addresses in canonical form without duplicates,
 * tags trimmed and sorted, SSH port 22 by default on an agentless machine.
 */
@Service
@Validated
public class MachineService {

	static final int DEFAULT_SSH_PORT = 22;

	private final MachineRepository machines;

	private final CredentialService credentials;

	MachineService(MachineRepository machines, CredentialService credentials) {
		this.machines = machines;
		this.credentials = credentials;
	}

	public Page<Machine> find(MachineQuery query) {
		return this.machines.findPage(query);
	}

	/**
	 * @throws MachineNotFoundException when there is no such machine
	 */
	public Machine get(long id) {
		return this.machines.find(id).orElseThrow(() -> new MachineNotFoundException(id));
	}

	/** Machines reached by this channel, by name, at most {@code limit}. */
	public List<Machine> findByChannel(Channel channel, int limit) {
		return this.machines.findByChannel(channel, limit);
	}

	/** The machine with exactly this name, ignoring case. */
	public Optional<Machine> findByName(String name) {
		return this.machines.findByName(name);
	}

	/**
	 * Brings the address, MAC addresses and OS family of a machine in line with what its
	 * agent reports, leaving every field an administrator sets alone. MACs that are not
	 * 48-bit addresses are dropped; a blank address keeps the current one.
	 * @return whether anything changed
	 */
	@Transactional
	public boolean updateReportedFacts(long id, String address, List<String> macAddresses, OsFamily osFamily) {
		Machine current = get(id);
		List<String> macs = macAddresses.stream()
			.map(MacAddresses::normalise)
			.flatMap(Optional::stream)
			.distinct()
			.limit(16)
			.toList();
		String newAddress = (address == null || address.isBlank()) ? current.address() : address.trim();
		return this.machines.updateReportedFacts(id, newAddress, macs, osFamily);
	}

	/**
	 * @throws DuplicateMachineNameException when the name is taken
	 */
	@Transactional
	public Machine register(@Valid MachineDraft draft) {
		MachineDraft machine = normalise(draft);
		requireKnownCredential(machine.credentialId());
		requireFreeName(machine.name(), null);
		try {
			return get(this.machines.insert(machine));
		}
		catch (DuplicateKeyException ex) {
			// Lost a race with a concurrent registration of the same name: the unique
			// index decided.
			throw new DuplicateMachineNameException(machine.name());
		}
	}

	/**
	 * @throws MachineNotFoundException when there is no such machine
	 * @throws DuplicateMachineNameException when the new name belongs to another machine
	 * @throws MachineEditConflictException when the draft's version is not the stored one
	 */
	@Transactional
	public Machine update(long id, @Valid MachineDraft draft) {
		MachineDraft machine = normalise(draft);
		requireKnownCredential(machine.credentialId());
		requireFreeName(machine.name(), id);
		try {
			if (!this.machines.update(id, machine)) {
				Machine current = get(id);
				throw new MachineEditConflictException(id, machine.version(), current.version());
			}
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateMachineNameException(machine.name());
		}
		return get(id);
	}

	/**
	 * @throws MachineNotFoundException when there is no such machine
	 */
	@Transactional
	public void delete(long id) {
		if (!this.machines.delete(id)) {
			throw new MachineNotFoundException(id);
		}
	}

	private void requireKnownCredential(Long credentialId) {
		if (credentialId != null && !this.credentials.exists(credentialId)) {
			throw new UnknownCredentialException(credentialId);
		}
	}

	private void requireFreeName(String name, Long id) {
		if (this.machines.existsByNameOtherThan(name, id)) {
			throw new DuplicateMachineNameException(name);
		}
	}

	static MachineDraft normalise(MachineDraft draft) {
		List<String> macs = draft.macAddresses()
			.stream()
			.map((mac) -> MacAddresses.normalise(mac).orElseThrow())
			.distinct()
			.toList();
		List<String> tags = List.copyOf(new TreeSet<>(draft.tags().stream().map(String::trim).toList()));
		Integer sshPort = draft.sshPort();
		if (sshPort == null && draft.channel() == Channel.AGENTLESS_SSH) {
			sshPort = DEFAULT_SSH_PORT;
		}
		return new MachineDraft(draft.name().trim(), draft.address().trim(), macs, draft.osFamily(), draft.channel(),
				sshPort, blankToNull(draft.sshUser()), draft.credentialId(), tags, blankToNull(draft.notes()),
				draft.version());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
