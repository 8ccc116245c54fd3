package parc.orchestrator.machine;

import parc.orchestrator.system.paging.PageRequest;

/**
 * A filtered, sorted page of the registry.
 *
 * @param name part of the name to look for, case-insensitive; null or blank for all
 * @param sort column to sort by
 * @param ascending sort direction
 * @param page which page
 */
public record MachineQuery(String name, MachineSort sort, boolean ascending, PageRequest page) {

	public MachineQuery {
		sort = (sort != null) ? sort : MachineSort.NAME;
		page = (page != null) ? page : new PageRequest(0, PageRequest.DEFAULT_SIZE);
	}

}
