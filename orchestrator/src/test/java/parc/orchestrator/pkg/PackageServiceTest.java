package parc.orchestrator.pkg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresBackedTest
class PackageServiceTest {

	@Autowired
	PackageService packages;

	private static PackageDraft firefox(String version) {
		return new PackageDraft("Firefox " + UUID.randomUUID().toString().substring(0, 6), version,
				"Mozilla Firefox ESR", "./install.sh", OsFamily.LINUX, null, null);
	}

	private static IncomingFile file(String name, String content) {
		return new IncomingFile(name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

	private static IncomingFile file(String name, byte[] content) {
		return new IncomingFile(name, () -> new ByteArrayInputStream(content));
	}

	@Test
	void shouldStoreUploadedFilesWithTheirManifestInTheDefaultRepository() throws Exception {
		SoftwarePackage created = this.packages.createFromFiles(firefox("115.6"),
				List.of(file("install.sh", "#!/bin/sh\necho ok\n"), file("C:\\Users\\me\\firefox.tar.bz2", "blob")),
				"admin");

		assertThat(created.depotId()).isEqualTo(this.packages.depots().get(0).id());
		assertThat(this.packages.depots().get(0).isDefault()).isTrue();
		assertThat(created.files()).extracting(PackageFile::path).containsExactly("firefox.tar.bz2", "install.sh");
		assertThat(created.fileCount()).isEqualTo(2);
		assertThat(created.sizeBytes()).isEqualTo(4 + 18);
		Path folder = this.packages.folderOf(created.id());
		assertThat(folder.resolve("install.sh")).hasContent("#!/bin/sh\necho ok");
		assertThat(created.files().get(1).sha256()).isEqualTo(HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(Files.readAllBytes(folder.resolve("install.sh")))));
		assertThat(this.packages.find(created.label().substring(0, 10), new PageRequest(0, 25)).content())
			.extracting(SoftwarePackage::id)
			.contains(created.id());
	}

	@Test
	void shouldUnpackAZipAndATarGz() throws Exception {
		SoftwarePackage zipped = this.packages.createFromArchive(firefox("1"),
				file("pkg.zip", zip(new String[][] { { "install.sh", "echo zip" }, { "conf/app.ini", "[a]" } })),
				"admin");
		assertThat(zipped.files()).extracting(PackageFile::path).containsExactly("conf/app.ini", "install.sh");

		SoftwarePackage tarred = this.packages.createFromArchive(firefox("2"),
				file("pkg.tar.gz", tarGz("install.sh", "echo tar", null)), "admin");
		assertThat(tarred.files()).extracting(PackageFile::path).containsExactly("install.sh");
	}

	@Test
	void shouldKeepTheExecuteBitOfFilesFromAnArchive() throws Exception {
		ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(tarBytes))) {
			for (String[] entry : new String[][] { { "install.sh", "755" }, { "readme.txt", "644" } }) {
				TarArchiveEntry tarEntry = new TarArchiveEntry(entry[0]);
				tarEntry.setMode(Integer.parseInt(entry[1], 8));
				tarEntry.setSize(2);
				tar.putArchiveEntry(tarEntry);
				tar.write("ok".getBytes(StandardCharsets.UTF_8));
				tar.closeArchiveEntry();
			}
		}
		ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
		try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zipBytes)) {
			var entry = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("run.sh");
			entry.setUnixMode(0100755);
			zip.putArchiveEntry(entry);
			zip.write("ok".getBytes(StandardCharsets.UTF_8));
			zip.closeArchiveEntry();
		}

		SoftwarePackage tarred = this.packages.createFromArchive(firefox("modes-tar"),
				file("pkg.tar.gz", tarBytes.toByteArray()), "admin");
		SoftwarePackage zipped = this.packages.createFromArchive(firefox("modes-zip"),
				file("pkg.zip", zipBytes.toByteArray()), "admin");

		Path tarFolder = this.packages.folderOf(tarred.id());
		assertThat(Files.getPosixFilePermissions(tarFolder.resolve("install.sh")))
			.contains(PosixFilePermission.OWNER_EXECUTE);
		assertThat(Files.getPosixFilePermissions(tarFolder.resolve("readme.txt")))
			.doesNotContain(PosixFilePermission.OWNER_EXECUTE);
		assertThat(Files.getPosixFilePermissions(this.packages.folderOf(zipped.id()).resolve("run.sh")))
			.contains(PosixFilePermission.OWNER_EXECUTE);
	}

	@Test
	void shouldNameTheFileACommandRunsDirectly() {
		List<PackageFile> files = List.of(new PackageFile("install.sh", 1, "a"), new PackageFile("my setup.sh", 1, "b"),
				new PackageFile("bin/tool", 1, "c"));
		assertThat(withCommand("./install.sh --quiet", files).commandFile()).contains("install.sh");
		assertThat(withCommand("./install.sh", files).commandFile()).contains("install.sh");
		assertThat(withCommand("\"./my setup.sh\" -y", files).commandFile()).contains("my setup.sh");
		assertThat(withCommand("./bin/tool", files).commandFile()).contains("bin/tool");
		assertThat(withCommand("sh ./install.sh", files).commandFile()).isEmpty();
		assertThat(withCommand("./absent.sh", files).commandFile()).isEmpty();
		assertThat(withCommand("./../../bin/sh", files).commandFile()).isEmpty();
		assertThat(withCommand("", files).commandFile()).isEmpty();
	}

	private static SoftwarePackage withCommand(String command, List<PackageFile> files) {
		return new SoftwarePackage(1, 1, "p", "1", null, command, OsFamily.LINUX, false, files.size(), 3, files,
				"admin", java.time.Instant.now(), java.time.Instant.now());
	}

	@Test
	void shouldRefuseArchivesThatEscapeOrLinkOrFlood() throws Exception {
		assertThatThrownBy(() -> this.packages.createFromArchive(firefox("slip"),
				file("evil.zip", zip(new String[][] { { "../../etc/cron.d/evil", "x" } })), "admin"))
			.isInstanceOf(InvalidPackageException.class)
			.hasMessageContaining("leaving the package");
		assertThatThrownBy(() -> this.packages.createFromArchive(firefox("abs"),
				file("evil.zip", zip(new String[][] { { "/etc/passwd", "x" } })), "admin"))
			.hasMessageContaining("absolute path");
		assertThatThrownBy(() -> this.packages.createFromArchive(firefox("link"),
				file("evil.tar.gz", tarGz("shadow", null, "/etc/shadow")), "admin"))
			.hasMessageContaining("links");
		// 64 MiB of zeros deflate to about 64 KiB: the cap stops the unpacking, not the
		// upload.
		byte[] bomb = zip(new String[][] { { "zeros.bin", null } });
		assertThatThrownBy(() -> new ArchiveUnpacker(10, 1024 * 1024).unpack("bomb.zip", new ByteArrayInputStream(bomb),
				Files.createTempDirectory("parc-bomb")))
			.isInstanceOf(InvalidPackageException.class)
			.hasMessageContaining("more than 1048576 bytes");
		assertThatThrownBy(
				() -> this.packages.createFromArchive(firefox("junk"), file("junk.zip", "not a zip"), "admin"))
			.isInstanceOf(InvalidPackageException.class);
		assertThatThrownBy(() -> this.packages.createFromArchive(firefox("exe"), file("setup.exe", "MZ"), "admin"))
			.hasMessageContaining("not an archive");
	}

	@Test
	void shouldTakeAFolderOnlyFromTheImportRoot() throws Exception {
		Path folder = Files.createDirectories(this.packages.importRoot().resolve("agent-" + UUID.randomUUID()));
		Files.writeString(folder.resolve("install.sh"), "echo folder");
		Files.createDirectories(folder.resolve("bin"));
		Files.writeString(folder.resolve("bin/tool"), "tool");

		SoftwarePackage created = this.packages.createFromServerFolder(firefox("f"), folder.getFileName().toString(),
				"admin");
		assertThat(created.files()).extracting(PackageFile::path).containsExactly("bin/tool", "install.sh");
		assertThat(this.packages.serverFolders()).contains(folder.getFileName().toString());

		assertThatThrownBy(() -> this.packages.createFromServerFolder(firefox("g"), "../../..", "admin"))
			.hasMessageContaining("leaving the package");
		Files.createSymbolicLink(folder.resolve("passwd"), Path.of("/etc/passwd"));
		assertThatThrownBy(
				() -> this.packages.createFromServerFolder(firefox("h"), folder.getFileName().toString(), "admin"))
			.hasMessageContaining("links");
	}

	@Test
	void shouldEditMetadataButRefuseADuplicateVersion() {
		SoftwarePackage first = this.packages.createFromFiles(firefox("1.0"), List.of(file("a.sh", "a")), "admin");
		PackageDraft sameLabel = new PackageDraft(first.label(), "2.0", null, "./b.sh", OsFamily.LINUX, true, null);
		SoftwarePackage second = this.packages.createFromFiles(sameLabel, List.of(file("b.sh", "b")), "admin");

		SoftwarePackage edited = this.packages.update(second.id(),
				new PackageDraft(first.label(), "2.1", "fixed", "./b.sh --quiet", OsFamily.LINUX, true, null));
		assertThat(edited.command()).isEqualTo("./b.sh --quiet");
		assertThat(edited.needsReboot()).isTrue();
		assertThat(edited.files()).isEqualTo(second.files());

		assertThatThrownBy(() -> this.packages.update(second.id(),
				new PackageDraft(first.label(), "1.0", null, "./b.sh", OsFamily.LINUX, false, null)))
			.isInstanceOf(DuplicatePackageException.class);
	}

	@Test
	void shouldKeepACommandOnlyPackageForAgentsButRefuseAgentSettingsNoAgentCouldFollow() {
		SoftwarePackage commandOnly = this.packages.createFromFiles(firefox("cmd"), List.of(), "admin");
		assertThat(commandOnly.files()).isEmpty();
		assertThat(commandOnly.agent()).isEqualTo(AgentPackageSettings.defaults());

		PackageDraft launchWithoutFiles = new PackageDraft("launcher", "1", null, "true", OsFamily.LINUX, false, null,
				new AgentPackageSettings(AgentAction.LAUNCH, "setup.sh", null, null, null, null, null, null, null, null,
						null));
		assertThatThrownBy(() -> this.packages.createFromFiles(launchWithoutFiles, List.of(), "admin"))
			.isInstanceOfSatisfying(InvalidPackageException.class,
					(ex) -> assertThat(ex.getMessage()).contains("needs files"));
		PackageDraft cutName = new PackageDraft("launcher", "2", null, "true", OsFamily.LINUX, false, null,
				new AgentPackageSettings(AgentAction.LAUNCH, "my-setup.sh --quiet", null, null, null, null, null, null,
						null, null, null));
		assertThatThrownBy(
				() -> this.packages.createFromFiles(cutName, List.of(file("my-setup.sh", "exit 0")), "admin"))
			.isInstanceOfSatisfying(InvalidPackageException.class,
					(ex) -> assertThat(ex.getMessage()).contains("'my'"));
		PackageDraft storeNowhere = new PackageDraft("store", "1", null, "true", OsFamily.LINUX, false, null,
				new AgentPackageSettings(AgentAction.STORE, null, " ", null, null, null, null, null, null, null, null));
		assertThatThrownBy(() -> this.packages.createFromFiles(storeNowhere, List.of(file("a.txt", "a")), "admin"))
			.isInstanceOf(InvalidPackageException.class);
	}

	@Test
	void shouldKeepAgentSettingsWhenAnEditDoesNotSpeakOfThem() {
		AgentPackageSettings launch = new AgentPackageSettings(AgentAction.LAUNCH, "setup.sh -q", null, 1, null, null,
				null, null, null, null, 64);
		SoftwarePackage pkg = this.packages.createFromFiles(
				new PackageDraft("agent pkg", "1", null, "true", OsFamily.LINUX, false, null, launch),
				List.of(file("setup.sh", "exit 3")), "admin");

		SoftwarePackage edited = this.packages.update(pkg.id(),
				new PackageDraft("agent pkg", "1.1", null, "true", OsFamily.LINUX, false, null));

		assertThat(edited.agent()).isEqualTo(launch.complete());
		assertThat(edited.agent().priority()).isEqualTo(1);
	}

	@Test
	void shouldDeleteAPackageWithItsFiles() {
		SoftwarePackage created = this.packages.createFromFiles(firefox("del"), List.of(file("a.sh", "a")), "admin");
		Path folder = this.packages.folderOf(created.id());

		this.packages.delete(created.id());

		assertThat(folder).doesNotExist();
		assertThatThrownBy(() -> this.packages.get(created.id())).isInstanceOf(PackageNotFoundException.class);
	}

	private static byte[] zip(String[][] entries) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String[] entry : entries) {
				zip.putNextEntry(new ZipEntry(entry[0]));
				if (entry[1] != null) {
					zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
				}
				else {
					byte[] zeros = new byte[1024 * 1024];
					for (int i = 0; i < 64; i++) {
						zip.write(zeros);
					}
				}
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static byte[] tarGz(String name, String content, String linkTarget) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
			if (linkTarget != null) {
				TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
				link.setLinkName(linkTarget);
				tar.putArchiveEntry(link);
			}
			else {
				byte[] data = content.getBytes(StandardCharsets.UTF_8);
				TarArchiveEntry entry = new TarArchiveEntry(name);
				entry.setSize(data.length);
				tar.putArchiveEntry(entry);
				tar.write(data);
			}
			tar.closeArchiveEntry();
		}
		return bytes.toByteArray();
	}

}
