package parc.ui.inventory;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.InvalidSearchException;
import parc.orchestrator.inventory.InventoryRow;
import parc.orchestrator.inventory.InventorySearch;
import parc.orchestrator.inventory.InventorySearchService;
import parc.orchestrator.inventory.SearchOperator;
import parc.orchestrator.system.paging.Page;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(InventoryController.class)
@Import({ PageLinks.class, InventoryCells.class })
@WithMockUser
class InventoryControllerTest {

	static final InventoryRow DESKTOP = new InventoryRow(12, "debian-desktop", "OCS_AGENT", "Debian GNU/Linux 12", "12",
			"192.0.2.2", "Intel(R) Xeon(R)", 2400, 24105L, null, null, null, null, "PARIS", "anna",
			"OCS-NG_unified_unix_agent_v2.10.0", 802, Instant.parse("2026-11-30T10:00:00Z"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	InventorySearchService search;

	@MockitoBean
	AdminDataService adminData;

	@Test
	void shouldRunCriteriaFromQueryStringAndKeepThemInLinks() throws Exception {
		given(this.search.search(any())).willReturn(new Page<>(List.of(DESKTOP), 0, 25, 1));

		this.mvc
			.perform(get("/inventory").param("f1", "software")
				.param("o1", "EQUAL")
				.param("v1", "openssh*")
				.param("f2", "memory")
				.param("o2", "BETWEEN")
				.param("v2", "8000")
				.param("w2", "32000"))
			.andExpect(status().isOk())
			.andExpect(view().name(InventoryController.SEARCH_VIEW))
			.andExpect(content().string(containsString("debian-desktop")))
			.andExpect(content().string(containsString("f1=software")));

		org.mockito.Mockito.verify(this.search)
			.search(argThat((InventorySearch query) -> query.criteria().size() == 2
					&& query.criteria().get(1).operator() == SearchOperator.BETWEEN
					&& query.criteria().get(1).secondValue().equals("32000")));
	}

	@Test
	void shouldShowWhyACriterionCannotRun() throws Exception {
		given(this.search.search(any())).willThrow(new InvalidSearchException(1, "'lots' is not a number"));

		this.mvc.perform(get("/inventory").param("f1", "memory").param("o1", "LESS").param("v1", "lots"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Criterion 1: &#39;lots&#39; is not a number")));
	}

	@Test
	void shouldExportCsvWithoutLettingCellsRunAsFormulas() throws Exception {
		InventoryRow hostile = new InventoryRow(13, "=HYPERLINK(\"http://example.invalid\")", "OCS_AGENT", null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null);
		willAnswer((invocation) -> {
			java.util.function.Consumer<InventoryRow> consumer = invocation.getArgument(1);
			consumer.accept(DESKTOP);
			consumer.accept(hostile);
			return 2;
		}).given(this.search).export(any(), any());

		this.mvc.perform(get("/inventory/export.csv").param("cols", "name,os,tag"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(content().string(containsString("name,os,tag\r\ndebian-desktop,Debian GNU/Linux 12,PARIS\r\n")))
			.andExpect(content().string(containsString("\"'=HYPERLINK(\"\"http://example.invalid\"\")\"")));
	}

	@Test
	void shouldListTagsWithLinksToTheirMachines() throws Exception {
		given(this.search.tagDistribution()).willReturn(
				List.of(new InventorySearchService.TagCount("PARIS", 3), new InventorySearchService.TagCount(null, 1)));

		this.mvc.perform(get("/inventory/tags").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/inventory?f1=tag&amp;o1=EQUAL&amp;v1=PARIS")))
			.andExpect(content().string(containsString("(sans TAG)")));
	}

}
