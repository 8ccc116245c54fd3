package parc.orchestrator.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Multi-criteria search on real PostgreSQL over inventories stored by the real service.
 */
@PostgresBackedTest
class InventorySearchServiceTest {

	@Autowired
	InventorySearchService search;

	@Autowired
	InventoryService inventories;

	@Autowired
	AdminDataService adminData;

	/** Keeps each test's machines apart from the other tests' in the shared database. */
	String prefix;

	@BeforeEach
	void fleet() {
		this.prefix = "s" + UUID.randomUUID().toString().substring(0, 6) + "-";
		store("web", "16000", "ACCOUNTING", Map.of("nginx", "1.22.1-9", "openssl", "3.0.11-1"));
		store("db", "64000", "ACCOUNTING", Map.of("postgresql-15", "15.5-0", "openssl", "3.0.11-1"));
		store("desk", "8000", "SALES", Map.of("firefox-esr", "115.5.0esr-1"));
	}

	@Test
	void shouldFindMachinesHavingAllSoftwareWithWildcards() {
		assertThat(names(criterion("software", SearchOperator.EQUAL, "openssl"),
				criterion("software", SearchOperator.EQUAL, "postgres*")))
			.containsExactly(this.prefix + "db");
	}

	@Test
	void shouldFindMachinesWithoutSoftware() {
		assertThat(names(criterion("software", SearchOperator.DIFFERENT, "openssl")))
			.containsExactly(this.prefix + "desk");
	}

	@Test
	void shouldCompareNumbersWithBetweenAndOutside() {
		assertThat(names(new SearchCriterion("memory", SearchOperator.BETWEEN, "10000", "20000")))
			.containsExactly(this.prefix + "web");
		assertThat(names(new SearchCriterion("memory", SearchOperator.OUTSIDE, "10000", "20000")))
			.containsExactly(this.prefix + "db", this.prefix + "desk");
		assertThat(names(criterion("memory", SearchOperator.GREATER, "8000"))).containsExactly(this.prefix + "db",
				this.prefix + "web");
	}

	@Test
	void shouldMatchTagAndTodayAsLastInventory() {
		assertThat(names(criterion("tag", SearchOperator.EQUAL, "sales"),
				criterion("lastInventory", SearchOperator.EQUAL, LocalDate.now(java.time.ZoneOffset.UTC).toString())))
			.containsExactly(this.prefix + "desk");
	}

	@Test
	void shouldTakeLikeCharactersLiterally() {
		assertThat(names(criterion("software", SearchOperator.EQUAL, "open%"))).isEmpty();
	}

	@Test
	void shouldSearchAdministrativeFields() {
		String key = "room" + UUID.randomUUID().toString().substring(0, 4);
		this.adminData.createField(key, "Room", AdminFieldType.INTEGER);
		long web = this.inventories.machineOfDevice(this.prefix + "web-2026-11-01-08-00-00").orElseThrow();
		this.adminData.update(web, new AdminData("ACCOUNTING", Map.of(key, "12")));

		assertThat(names(criterion("admin." + key, SearchOperator.LESS, "20"))).containsExactly(this.prefix + "web");
	}

	@Test
	void shouldRefuseCriteriaThatCannotRun() {
		assertThatThrownBy(() -> names(criterion("colour", SearchOperator.EQUAL, "red")))
			.isInstanceOf(InvalidSearchException.class)
			.hasMessage("Criterion 2: unknown field 'colour'");
		assertThatThrownBy(() -> names(criterion("memory", SearchOperator.LESS, "lots")))
			.hasMessage("Criterion 2: 'lots' is not a number");
		assertThatThrownBy(() -> names(criterion("software", SearchOperator.LESS, "a")))
			.hasMessage("Criterion 2: software takes only EQUAL or DIFFERENT");
		assertThatThrownBy(() -> names(new SearchCriterion("memory", SearchOperator.BETWEEN, "1", "")))
			.hasMessage("Criterion 2: BETWEEN needs a second value");
	}

	@Test
	void shouldCountMachinesPerTag() {
		assertThat(this.search.tagDistribution()).anySatisfy((count) -> {
			assertThat(count.tag()).isEqualTo("SALES");
			assertThat(count.machines()).isPositive();
		});
	}

	private void store(String name, String memory, String tag, Map<String, String> software) {
		InventoryFixtures.Builder laptop = InventoryFixtures
			.debianLaptop(this.prefix + name, "SN-" + this.prefix + name, randomMac())
			.withMemory(memory)
			.withTag(tag)
			.withoutSoftware("openssh-server")
			.withoutSoftware("vim")
			.withoutSoftware("curl");
		software.forEach(laptop::withSoftware);
		this.inventories.store(laptop.fromAgent(this.prefix + name + "-2026-11-01-08-00-00"));
	}

	private static SearchCriterion criterion(String field, SearchOperator operator, String value) {
		return new SearchCriterion(field, operator, value, null);
	}

	/** Names among this test's machines, sorted, for the criteria given. */
	private List<String> names(SearchCriterion... criteria) {
		List<SearchCriterion> all = new ArrayList<>();
		all.add(criterion("name", SearchOperator.EQUAL, this.prefix + "*"));
		all.addAll(List.of(criteria));
		return this.search.search(new InventorySearch(all, InventoryRow.Column.NAME, true, new PageRequest(0, 50)))
			.content()
			.stream()
			.map(InventoryRow::name)
			.toList();
	}

	private static String randomMac() {
		byte[] bytes = UUID.randomUUID().toString().getBytes();
		return String.format("02:%02x:%02x:%02x:%02x:%02x", bytes[0], bytes[1], bytes[2], bytes[3], bytes[4]);
	}

}
