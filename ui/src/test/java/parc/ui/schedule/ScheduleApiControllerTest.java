package parc.ui.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.schedule.AllowedHours;
import parc.orchestrator.schedule.InvalidScheduleException;
import parc.orchestrator.schedule.Schedule;
import parc.orchestrator.schedule.ScheduleDraft;
import parc.orchestrator.schedule.ScheduleKind;
import parc.orchestrator.schedule.ScheduleNotFoundException;
import parc.orchestrator.schedule.ScheduleRecurrence;
import parc.orchestrator.schedule.ScheduleRun;
import parc.orchestrator.schedule.ScheduleRunner;
import parc.orchestrator.schedule.ScheduleService;
import parc.orchestrator.schedule.ScheduleTarget;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON contract of {@code /api/schedules} and its problem documents; the service
 * behind it is tested on PostgreSQL and with Quartz in the orchestrator.
 */
@WebMvcTest(ScheduleApiController.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class ScheduleApiControllerTest {

	private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

	private static final Schedule NIGHTLY = new Schedule(4, "Nightly inventory", ScheduleKind.AGENTLESS_INVENTORY,
			ScheduleTarget.group(12), ScheduleRecurrence.cron("0 30 3 * * ?"), AllowedHours.parse("22:00-06:00"), 10,
			true, "alice", AT, AT);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ScheduleService schedules;

	@MockitoBean
	ScheduleRunner runner;

	@BeforeEach
	void zone() {
		given(this.schedules.zone()).willReturn(ZoneId.of("Europe/Paris"));
	}

	@Test
	void shouldCreateAScheduleAndAnswerInTheContractsNames() throws Exception {
		given(this.schedules.create(any(ScheduleDraft.class), eq("alice"))).willReturn(NIGHTLY);

		this.mvc.perform(post("/api/schedules").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Nightly inventory", "kind": "AGENTLESS_INVENTORY", "target": {"groupId": 12},
				 "cron": "0 30 3 * * ?", "window": "22:00-06:00", "concurrency": 10, "enabled": true}
				"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/api/schedules/4"))
			.andExpect(jsonPath("$.id").value(4))
			.andExpect(jsonPath("$.kind").value("AGENTLESS_INVENTORY"))
			.andExpect(jsonPath("$.target.groupId").value(12))
			.andExpect(jsonPath("$.target.all").value(false))
			.andExpect(jsonPath("$.cron").value("0 30 3 * * ?"))
			.andExpect(jsonPath("$.everyHours").doesNotExist())
			.andExpect(jsonPath("$.window").value("22:00-06:00"))
			.andExpect(jsonPath("$.concurrency").value(10))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.nextFireTimes.length()").value(5));
	}

	@Test
	void shouldPointAtTheErrorOfAWrongCron() throws Exception {
		given(this.schedules.create(any(ScheduleDraft.class), eq("alice")))
			.willThrow(new InvalidScheduleException("cron", "The cron expression \"0 61 3 * * ?\" is not valid", 2));

		this.mvc.perform(post("/api/schedules").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Broken", "kind": "HOUSEKEEPING", "target": {"all": true}, "cron": "0 61 3 * * ?"}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("cron"))
			.andExpect(jsonPath("$.position").value(3));
	}

	@Test
	void shouldListRunsWithTheirStateAndCounts() throws Exception {
		ScheduleRun skipped = new ScheduleRun(9, AT, AT, ScheduleRun.State.SKIPPED, "schedule",
				new ScheduleRun.Counts(0, 0, 0), "run 8, started 2026-12-05T09:59:00Z, is still running");
		given(this.schedules.runs(4, new PageRequest(0, 25))).willReturn(new Page<>(List.of(skipped), 0, 25, 1));

		this.mvc.perform(get("/api/schedules/4/runs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].state").value("SKIPPED"))
			.andExpect(jsonPath("$.content[0].counts.planned").value(0))
			.andExpect(jsonPath("$.content[0].error").value("run 8, started 2026-12-05T09:59:00Z, is still running"));
	}

	@Test
	void shouldStartARunNowOrSayItWasSkipped() throws Exception {
		given(this.runner.runNow(4, "alice")).willReturn(new ScheduleRun(10, AT, null, ScheduleRun.State.RUNNING,
				"alice", new ScheduleRun.Counts(0, 0, 0), null));
		this.mvc.perform(post("/api/schedules/4/run").with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.state").value("RUNNING"));

		given(this.runner.runNow(5, "alice")).willThrow(new ScheduleNotFoundException(5));
		this.mvc.perform(post("/api/schedules/5/run").with(csrf())).andExpect(status().isNotFound());
	}

}
