package parc.ui.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.group.GroupService;
import parc.orchestrator.schedule.AllowedHours;
import parc.orchestrator.schedule.InvalidScheduleException;
import parc.orchestrator.schedule.Schedule;
import parc.orchestrator.schedule.ScheduleDraft;
import parc.orchestrator.schedule.ScheduleKind;
import parc.orchestrator.schedule.ScheduleRecurrence;
import parc.orchestrator.schedule.ScheduleRun;
import parc.orchestrator.schedule.ScheduleRunner;
import parc.orchestrator.schedule.ScheduleService;
import parc.orchestrator.schedule.ScheduleTarget;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ScheduleController.class)
@Import(PageLinks.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class ScheduleControllerTest {

	private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

	private static final Schedule HOUSEKEEPING = new Schedule(1, "Housekeeping", ScheduleKind.HOUSEKEEPING,
			ScheduleTarget.everything(), ScheduleRecurrence.cron("0 30 3 * * ?"), AllowedHours.parse("22:00-06:00"), 1,
			true, "parc", AT, AT);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ScheduleService schedules;

	@MockitoBean
	ScheduleRunner runner;

	@MockitoBean
	GroupService groups;

	@BeforeEach
	void oneSchedule() {
		given(this.schedules.zone()).willReturn(ZoneId.of("Europe/Paris"));
		given(this.schedules.list(any())).willReturn(new Page<>(List.of(HOUSEKEEPING), 0, 25, 1));
		given(this.schedules.get(1)).willReturn(HOUSEKEEPING);
		given(this.groups.list(any(), any(), any())).willReturn(new Page<>(List.of(), 0, 500, 0));
	}

	@Test
	void shouldListTheSchedulesWithTheirNextFire() throws Exception {
		this.mvc.perform(get("/schedules"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"schedule-1\"")))
			.andExpect(content().string(containsString("0 30 3 * * ?")))
			.andExpect(content().string(containsString("22:00-06:00")))
			.andExpect(content().string(containsString("03:30:00")));
		this.mvc.perform(get("/schedules").header("Accept-Language", "fr"))
			.andExpect(content().string(containsString("Ménage")));
	}

	@Test
	void shouldShowTheRunsAndWhyOneWasSkipped() throws Exception {
		given(this.schedules.runs(eq(1L), any(PageRequest.class)))
			.willReturn(new Page<>(List.of(new ScheduleRun(7, AT, AT, ScheduleRun.State.SKIPPED, "schedule",
					new ScheduleRun.Counts(0, 0, 0), "outside its allowed hours")), 0, 25, 1));

		this.mvc.perform(get("/schedules/1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-state=\"SKIPPED\"")))
			.andExpect(content().string(containsString("outside its allowed hours")))
			.andExpect(content().string(containsString("id=\"run-now\"")));
	}

	@Test
	void shouldShowTheCronsErrorBesideItAndKeepWhatWasTyped() throws Exception {
		given(this.schedules.create(any(ScheduleDraft.class), eq("alice")))
			.willThrow(new InvalidScheduleException("cron", "not valid at position 3", 2));

		this.mvc
			.perform(post("/schedules/new").with(csrf())
				.param("name", "Nightly")
				.param("kind", "HOUSEKEEPING")
				.param("targetMode", "ALL")
				.param("recurrenceMode", "CRON")
				.param("cron", "0 61 3 * * ?")
				.param("concurrency", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not valid at position 3")))
			.andExpect(content().string(containsString("value=\"0 61 3 * * ?\"")));
	}

	@Test
	void shouldPreviewTheNextFiresOrTheCronsErrorForTheForm() throws Exception {
		given(this.schedules.nextFireTimes("0 0 12 * * ?", null, 5)).willReturn(List.of(AT));
		given(this.schedules.nextFireTimes("0 61 3 * * ?", null, 5))
			.willThrow(new InvalidScheduleException("cron", "not valid at position 3", 2));

		this.mvc.perform(get("/schedules/next-fire-times").param("cron", "0 0 12 * * ?"))
			.andExpect(status().isOk())
			.andExpect(content().json("[\"2026-12-05T10:00:00Z\"]"));
		this.mvc.perform(get("/schedules/next-fire-times").param("cron", "0 61 3 * * ?"))
			.andExpect(status().isBadRequest())
			.andExpect(content().json("{\"field\": \"cron\", \"position\": 3}"));
	}

	@Test
	void shouldSaveAndGoToTheSchedule() throws Exception {
		given(this.schedules.create(any(ScheduleDraft.class), eq("alice"))).willReturn(HOUSEKEEPING);

		this.mvc
			.perform(post("/schedules/new").with(csrf())
				.param("name", "Housekeeping")
				.param("kind", "HOUSEKEEPING")
				.param("targetMode", "ALL")
				.param("recurrenceMode", "CRON")
				.param("cron", "0 30 3 * * ?")
				.param("concurrency", "1"))
			.andExpect(redirectedUrl("/schedules/1"));
	}

	@Test
	@WithMockUser(username = "bob", roles = "USER")
	void shouldShowAReadOnlyUserNoButtonThatChangesAnything() throws Exception {
		this.mvc.perform(get("/schedules"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"new-schedule\""))));
	}

}
