package parc.ui.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.InventoryRow;
import parc.orchestrator.inventory.InventorySearch;
import parc.orchestrator.inventory.InventorySearchService;
import parc.orchestrator.inventory.SearchCriterion;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

/**
 * {@code /api/inventory}: the same multi-criteria search as the console, its CSV export,
 * the fields it takes and the TAG distribution.
 */
@RestController
@RequestMapping("/api/inventory")
@Tag(name = "Inventory search", description = "Multi-criteria search over machines and their inventories")
class InventorySearchApiController {

	private final InventorySearchService search;

	private final AdminDataService adminData;

	InventorySearchApiController(InventorySearchService search, AdminDataService adminData) {
		this.search = search;
		this.adminData = adminData;
	}

	@GetMapping("/fields")
	@Operation(summary = "The fields a criterion may name, with their type and operators")
	List<SearchFieldView> fields() {
		return SearchFieldView.all(this.adminData.fields());
	}

	@PostMapping("/search")
	@Operation(summary = "Machines matching every criterion; 400 naming the criterion that cannot run")
	Page<InventoryRow> search(@RequestBody SearchRequest request) {
		return this.search.search(request.toSearch());
	}

	@PostMapping("/export")
	@Operation(summary = "The same search as CSV, every matching machine (up to 100,000)")
	void export(@RequestBody SearchRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		List<InventoryRow.Column> columns = (request.columns() == null || request.columns().isEmpty())
				? List.of(InventoryRow.Column.values()) : request.columns();
		try (InventoryCsv csv = new InventoryCsv(
				new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), columns)) {
			this.search.export(request.toSearch(), csv::write);
		}
	}

	@GetMapping("/tags")
	@Operation(summary = "How many machines carry each TAG")
	List<InventorySearchService.TagCount> tags() {
		return this.search.tagDistribution();
	}

	/**
	 * @param criteria the criteria, all of which must hold
	 * @param sort the column to sort by ({@code NAME} by default)
	 * @param dir {@code asc} or {@code desc}
	 * @param page zero-based page
	 * @param size rows per page (up to 500)
	 * @param columns for the export: which columns, in order (all by default)
	 */
	record SearchRequest(List<SearchCriterion> criteria, InventoryRow.Column sort, String dir, Integer page,
			Integer size, List<InventoryRow.Column> columns) {

		InventorySearch toSearch() {
			return new InventorySearch(this.criteria, this.sort, !"desc".equalsIgnoreCase(this.dir), new PageRequest(
					(this.page != null) ? this.page : 0, (this.size != null) ? this.size : PageRequest.DEFAULT_SIZE));
		}

	}

}
