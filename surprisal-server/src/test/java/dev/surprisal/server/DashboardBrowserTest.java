// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.SourceConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard in a real browser: Selenium 4 driving Debian's chromium through Debian's
 * chromedriver (no Selenium Manager, no download). Log in with a token, see the orders monitor go
 * from OK to DRIFT after the drifted day is checked, open the full report, and check that hostile
 * column names are shown as text, not run. Screenshots go to target/browser-screenshots/.
 */
@Tag("browser")
class DashboardBrowserTest {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final String HOSTILE2 = "\"><script>alert(2)</script>";

    @Test
    void loginOkThenDriftReportAndEscaping(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("hostile"));
        // and a column of European dates of 1 to 12 January, whose order of day and month the data cannot decide: the
        // baseline the server fits at the first check warns on the monitor's page (mon16)
        StringBuilder ref = new StringBuilder("\"" + HOSTILE.replace("\"", "\"\"") + "\",\"" + HOSTILE2.replace("\"", "\"\"")
                + "\",day\n");
        StringBuilder day = new StringBuilder(ref);
        for (int i = 0; i < 400; i++) {
            String date = String.format(",%02d/01/2026", 1 + i % 12);
            ref.append(i % 7).append(',').append(i % 3 == 0 ? "a" : "b").append(date).append('\n');
            day.append(i % 7).append(',').append(i % 2 == 0 ? "c" : "b").append(date).append('\n');
        }
        Files.writeString(data.resolve("ref.csv"), ref);
        Files.writeString(data.resolve("day-2024-05-01.csv"), day);
        MonitorConfig hostile = new MonitorConfig("hostile", "test", 1,
                new SourceConfig(data.resolve("day-{date}.csv").toString(), null, null, null, null, null, 1000),
                new SourceConfig(data.resolve("ref.csv").toString(), null, null, null, null, null, 1000),
                Map.of(), List.of(), List.of(), null, "UTC", List.of(), false, false);
        Path shots = Files.createDirectories(Path.of("target", "browser-screenshots"));

        System.setProperty("SE_OFFLINE", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"));
        try (TestServer t = new TestServer(dir.resolve("demo"), 1500, 4, c -> c.withMonitors(
                new ArrayList<>(List.of(c.monitors().get(0), hostile))), Clock.systemUTC())) {
            WebDriver driver = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
                driver.get(t.base() + "/");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
                assertThat(driver.getCurrentUrl()).endsWith("/login");
                driver.findElement(By.id("token")).sendKeys("sps_wrong");
                driver.findElement(By.id("login")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
                driver.findElement(By.id("token")).sendKeys(t.readToken);
                driver.findElement(By.id("login")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("monitors")));
                shot(driver, shots.resolve("1-monitors-unchecked.png"));
                assertThat(status(driver, "orders")).isEqualTo("not checked yet");

                assertThat(t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-01\"}")
                        .statusCode()).isEqualTo(200);
                driver.navigate().refresh();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("monitors")));
                assertThat(status(driver, "orders")).isEqualTo("OK");
                shot(driver, shots.resolve("2-monitors-ok.png"));

                assertThat(t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-04\"}")
                        .statusCode()).isEqualTo(200);
                driver.navigate().refresh();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("monitors")));
                assertThat(status(driver, "orders")).isEqualTo("DRIFT");
                shot(driver, shots.resolve("3-monitors-drift.png"));

                // the filter script narrows the table; the page works without it too
                driver.findElement(By.id("filter")).sendKeys("hostile");
                wait.until(d -> !d.findElement(By.xpath("//tr[td/a[text()='orders']]")).isDisplayed());

                driver.get(t.base() + "/monitors/orders");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("last-status")));
                assertThat(driver.findElement(By.id("last-status")).getText()).isEqualTo("DRIFT");
                assertThat(driver.findElements(By.cssSelector("section.column h3")).get(0).getText()).startsWith("country");
                assertThat(driver.findElements(By.cssSelector("svg.history"))).isNotEmpty();
                shot(driver, shots.resolve("4-monitor-orders.png"));
                driver.findElement(By.id("last-report")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.summary")));
                assertThat(driver.findElement(By.tagName("h1")).getText()).contains("orders");
                assertThat(driver.findElement(By.cssSelector("table.summary")).getText()).contains("country");
                shot(driver, shots.resolve("5-report.png"));

                assertThat(t.post("/api/v1/monitors/hostile/checks", t.writeToken, "{\"window\":\"2024-05-01\"}")
                        .statusCode()).isEqualTo(200);
                driver.get(t.base() + "/monitors/hostile");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("last-status")));
                List<String> headings = driver.findElements(By.cssSelector("section.column h3")).stream()
                        .map(e -> e.getText()).toList();
                assertThat(String.join("\n", headings)).contains(HOSTILE).contains(HOSTILE2);
                assertThat(driver.findElement(By.cssSelector("#baseline-warnings li")).getText()).startsWith("warning: "
                        + "day: the data did not decide the order of day and month (no date has a day or month over 12)")
                        .endsWith("re-baseline with --dayfirst day (in a monitor file: dayfirst: [day])");
                assertThat(driver.findElements(By.cssSelector("img"))).isEmpty();
                assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
                driver.findElement(By.id("last-report")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.summary")));
                assertThat(driver.findElement(By.cssSelector("table.summary")).getText()).contains(HOSTILE);
                assertThat(driver.findElements(By.cssSelector("img"))).isEmpty();
                assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
                shot(driver, shots.resolve("6-hostile-report.png"));
            } catch (AssertionError | RuntimeException e) {
                shot(driver, shots.resolve("failure.png"));
                throw e;
            } finally {
                driver.quit();
            }
        }
    }

    private static String status(WebDriver driver, String monitor) {
        return driver.findElement(By.xpath("//tr[td/a[text()='" + monitor + "']]/td[contains(@class,'status')]"))
                .getText();
    }

    private static void shot(WebDriver driver, Path file) throws Exception {
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
