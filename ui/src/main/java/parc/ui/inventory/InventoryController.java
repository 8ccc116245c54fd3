package parc.ui.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.InvalidSearchException;
import parc.orchestrator.inventory.InventoryRow;
import parc.orchestrator.inventory.InventorySearchService;
import parc.orchestrator.inventory.SearchOperator;
import parc.orchestrator.system.paging.Page;

/**
 * The inventory area: all computers with a choice of columns, the multi-criteria search
 * (the same page, with criteria), its CSV export, and the TAG distribution.
 */
@Controller
@RequestMapping("/inventory")
class InventoryController {

	static final String SEARCH_VIEW = "inventory/inventorySearch";

	static final String TAGS_VIEW = "inventory/tagDistribution";

	private final InventorySearchService search;

	private final AdminDataService adminData;

	InventoryController(InventorySearchService search, AdminDataService adminData) {
		this.search = search;
		this.adminData = adminData;
	}

	@GetMapping
	String computers(@RequestParam Map<String, String> parameters, Model model) {
		SearchForm form = SearchForm.of(parameters);
		model.addAttribute("form", form);
		// Three lines to start with, as OCS's search page; "Add a line" asks for one
		// more.
		model.addAttribute("lines",
				form.linesToShow(parameters.containsKey("lines") ? integer(parameters.get("lines")) : 3));
		model.addAttribute("fields", SearchFieldView.all(this.adminData.fields()));
		model.addAttribute("operators", SearchOperator.values());
		model.addAttribute("allColumns", InventoryRow.Column.values());
		model.addAttribute("sort", form.sortKey());
		model.addAttribute("ascending", form.ascending());
		model.addAttribute("exportQuery", exportQuery(form));
		try {
			model.addAttribute("rows", this.search.search(form.toSearch()));
		}
		catch (InvalidSearchException ex) {
			model.addAttribute("searchError", ex.getMessage());
			model.addAttribute("rows", new Page<InventoryRow>(java.util.List.of(), 0, 25, 0));
		}
		return SEARCH_VIEW;
	}

	@GetMapping(path = "/export.csv")
	void export(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
		SearchForm form = SearchForm.of(parameters);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"parc-inventory.csv\"");
		try (InventoryCsv csv = new InventoryCsv(
				new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), form.columns())) {
			this.search.export(form.toSearch(), csv::write);
		}
	}

	@GetMapping("/tags")
	String tags(Model model) {
		model.addAttribute("tags", this.search.tagDistribution());
		return TAGS_VIEW;
	}

	private static String exportQuery(SearchForm form) {
		org.springframework.web.util.UriComponentsBuilder uri = org.springframework.web.util.UriComponentsBuilder
			.fromPath("/inventory/export.csv");
		form.criteriaParameters().forEach(uri::queryParam);
		uri.queryParam("cols", String.join(",", form.columns().stream().map(InventoryRow.Column::key).toList()));
		uri.queryParam("sort", form.sortKey());
		uri.queryParam("dir", form.ascending() ? "asc" : "desc");
		return uri.encode().build().toUriString();
	}

	private static int integer(String text) {
		try {
			return (text != null) ? Integer.parseInt(text) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
