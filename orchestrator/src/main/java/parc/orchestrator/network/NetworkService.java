package parc.orchestrator.network;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import parc.orchestrator.inventory.MachineNetworksReported;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.system.settings.ServerSettingsStore;

/**
 * Networks: those admins declare, and those learned from inventories, each kept with the
 * machines on it. A learned network keeps the name, description and ignored flag admins
 * give it when inventories report it again.
 */
@Service
public class NetworkService {

	public static final int MAX_NAME = 200;

	private static final Logger log = LoggerFactory.getLogger(NetworkService.class);

	private static final String BACKFILL_AREA = "networks.learned-from-earlier-inventories";

	private final NetworkRepository repository;

	private final ServerSettingsStore settings;

	private final Clock clock;

	NetworkService(NetworkRepository repository, ServerSettingsStore settings, Optional<Clock> clock) {
		this.repository = repository;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * @param text matched in the name, address or site; empty for all
	 * @param withIgnored whether ignored networks are listed too
	 */
	public Page<NetworkSummary> list(String text, boolean withIgnored, PageRequest page) {
		return this.repository.page((text == null) ? "" : text.strip(), withIgnored, page);
	}

	/**
	 * @throws NetworkNotFoundException when there is no such network
	 */
	public Network get(long id) {
		return this.repository.find(id).orElseThrow(() -> new NetworkNotFoundException(id));
	}

	/**
	 * @throws NetworkNotFoundException when there is no such network
	 */
	public NetworkSummary summary(long id) {
		return this.repository.summary(id).orElseThrow(() -> new NetworkNotFoundException(id));
	}

	/**
	 * The machines whose inventory puts them on the network, by name.
	 * @throws NetworkNotFoundException when there is no such network
	 */
	public Page<PlacedMachine> machinesOn(long id, PageRequest page) {
		get(id);
		return this.repository.machinesOn(id, page);
	}

	/** The most specific known network holding the address (one address, no prefix). */
	public Optional<Network> containing(String address) {
		return this.repository.containing(address);
	}

	/**
	 * Declares a network.
	 * @throws InvalidNetworkException naming the field at fault, or {@code address} when
	 * the network is known already
	 */
	@Transactional
	public Network create(NetworkDraft draft, String by) {
		NetworkRange range = NetworkRange.parse(draft.address());
		String name = name(draft, range);
		try {
			long id = this.repository.insert(name, range, blankToNull(draft.description()), blankToNull(draft.site()),
					NetworkSource.ADMIN, Boolean.TRUE.equals(draft.ignored()), by, this.clock.instant());
			return get(id);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidNetworkException("address", range.cidr() + " is known already");
		}
	}

	/**
	 * Renames, describes, ignores or (declared networks only) moves a network.
	 * @throws InvalidNetworkException naming the field at fault
	 * @throws NetworkNotFoundException when there is no such network
	 */
	@Transactional
	public Network update(long id, NetworkDraft draft) {
		Network network = get(id);
		NetworkRange range = (draft.address() == null || draft.address().isBlank()) ? network.range()
				: NetworkRange.parse(draft.address());
		if (network.source() == NetworkSource.LEARNED && !range.equals(network.range())) {
			throw new InvalidNetworkException("address",
					"A learned network's address comes from inventories: declare " + range.cidr() + " as a new one");
		}
		try {
			this.repository.update(id, name(draft, range), range, blankToNull(draft.description()),
					blankToNull(draft.site()), Boolean.TRUE.equals(draft.ignored()), this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidNetworkException("address", range.cidr() + " is known already");
		}
		return get(id);
	}

	/**
	 * Forgets a declared network. A learned one would come back with the next inventory:
	 * it is ignored instead.
	 * @throws InvalidNetworkException for a learned network
	 * @throws NetworkNotFoundException when there is no such network
	 */
	@Transactional
	public void delete(long id) {
		Network network = get(id);
		if (network.source() == NetworkSource.LEARNED) {
			throw new InvalidNetworkException("source",
					"A learned network would be learned again from the next inventory: ignore it instead");
		}
		this.repository.delete(id);
	}

	/** Puts the machine on the networks its inventory's cards are on. */
	@EventListener
	public void learn(MachineNetworksReported reported) {
		List<NetworkRepository.Placement> placements = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (MachineNetworksReported.Card card : reported.cards()) {
			NetworkRange.ofCard(card.address(), card.mask()).ifPresent((range) -> {
				if (seen.add(range.cidr() + " " + card.address())) {
					placements.add(new NetworkRepository.Placement(this.repository.learn(range, this.clock.instant()),
							card.address()));
				}
			});
		}
		this.repository.placeMachine(reported.machineId(), placements, this.clock.instant());
	}

	/**
	 * Learns from the inventories stored before networks were, once: later inventories
	 * teach their networks as they are stored. A mark in the server settings keeps every
	 * later start from reading again the machines whose cards sit on no network worth
	 * knowing.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void learnFromEarlierInventories() {
		if (this.settings.get(BACKFILL_AREA, Backfill.class, new Backfill(false)).done()) {
			return;
		}
		List<Long> machines = this.repository.machinesNotPlaced();
		for (long machineId : machines) {
			learn(new MachineNetworksReported(machineId,
					this.repository.cardsOf(machineId)
						.stream()
						.map((card) -> new MachineNetworksReported.Card(card[0], card[1], null))
						.toList()));
		}
		if (!machines.isEmpty()) {
			log.info("Networks learned from the inventories of {} machine(s)", machines.size());
		}
		this.settings.put(BACKFILL_AREA, new Backfill(true));
	}

	/**
	 * @param done whether the inventories stored before networks were have been read
	 */
	record Backfill(boolean done) {

	}

	private static String name(NetworkDraft draft, NetworkRange range) {
		String name = (draft.name() == null || draft.name().isBlank()) ? range.cidr() : draft.name().strip();
		if (name.length() > MAX_NAME) {
			throw new InvalidNetworkException("name", "Give a name of at most " + MAX_NAME + " characters");
		}
		return name;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
