package org.dsftestbed.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.dsftestbed.junit.RequiresChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a user opens it: written to a report directory and rendered offline in headless Chromium, with
 * two scenarios (four messages, one refused).
 */
@RequiresChromium
class ReportHtmlBrowserTest
{
	@TempDir
	static Path work;
	private static Path page;

	@BeforeAll
	static void writeReport()
	{
		ReportDirectory directory = ReportDirectory.create(work, "browser-run",
				Clock.fixed(SampleReports.T0.plusSeconds(60), ZoneOffset.UTC));
		directory.write(SampleReports.report());
		page = directory.path().resolve(ReportDirectory.HTML);
	}

	private static int count(String text, String regex)
	{
		Matcher m = Pattern.compile(regex).matcher(text);
		int n = 0;
		while (m.find())
			n++;
		return n;
	}

	@Test
	void domHasBothScenariosAndTheirDiagrams() throws Exception
	{
		String dom = new HeadlessChromium(work).dumpDom(page);

		assertThat(dom).contains("Pong fails after the timer");
		assertThat(dom).as("the hostile name is text, not a script element")
				.contains("Ping &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'pong'").doesNotContain("<script");
		assertThat(count(dom, "<svg class=\"sequence-diagram\"")).isEqualTo(2);
		assertThat(count(dom, "<g class=\"message( failed)?\"")).isEqualTo(4);
		assertThat(count(dom, "<g class=\"message failed\"")).isEqualTo(1);
		assertThat(count(dom, "<g class=\"lifeline\">")).isEqualTo(5);
	}

	@Test
	void screenshotIsNotBlank() throws Exception
	{
		Path png = new HeadlessChromium(work).screenshot(page, 1280, 1600);

		BufferedImage image = ImageIO.read(png.toFile());
		assertThat(image).as("a PNG was written").isNotNull();
		assertThat(image.getWidth()).isEqualTo(1280);
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y += 4)
			for (int x = 0; x < image.getWidth(); x += 4)
				colours.add(image.getRGB(x, y));
		assertThat(colours).as("distinct colours of the rendered page").hasSizeGreaterThan(20);
		// the dark run header sits at the top
		int top = image.getRGB(20, 20);
		assertThat(((top >> 16) & 0xff) + ((top >> 8) & 0xff) + (top & 0xff)).as("header colour").isLessThan(200);
	}
}
