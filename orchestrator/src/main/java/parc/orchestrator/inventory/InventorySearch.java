package parc.orchestrator.inventory;

import java.util.List;

import parc.orchestrator.system.paging.PageRequest;

/**
 * A multi-criteria search over machines and their latest inventories; every criterion
 * must hold (several software criteria find machines that have all those programs).
 *
 * @param criteria the criteria, none for all machines
 * @param sort the column to sort by
 * @param ascending sort direction
 * @param page which page
 */
public record InventorySearch(List<SearchCriterion> criteria, InventoryRow.Column sort, boolean ascending,
		PageRequest page) {

	public static final int MAX_CRITERIA = 20;

	public InventorySearch {
		criteria = (criteria != null) ? List.copyOf(criteria) : List.of();
		sort = (sort != null) ? sort : InventoryRow.Column.NAME;
		page = (page != null) ? page : new PageRequest(0, PageRequest.DEFAULT_SIZE);
	}

}
