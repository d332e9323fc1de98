import { join } from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readHysplitFiles } from "../../src/trajectory/read-hysplit-files";
import { readMonitoringTable } from "../../src/io/monitoring";
import { joinConcentration } from "../../src/trajectory/join";
import { EXAMPLE_SETTINGS } from "../../src/simulate/examples";

const DATA = join(__dirname, "..", "..", "data");
const truth = JSON.parse(readFileSync(join(DATA, "shanghai-trajectories.truth.json"), "utf8"));

describe("shipped trajectory example (data/shanghai-tdump-*.txt + shanghai-trajectory-conc.csv)", () => {
  const read = readHysplitFiles(DATA, { match: /^shanghai-tdump-\d+\.txt$/ });
  const conc = readMonitoringTable(join(DATA, "shanghai-trajectory-conc.csv"), { utcOffset: "+08:00" });
  it("reads five files, 248 trajectories of 73 hourly endpoints, arrivals as in the truth", () => {
    expect(new Set(read.trajectories.map((t) => t.file)).size).toBe(5);
    expect(read.trajectories.map((t) => new Date(t.start).toISOString())).toEqual(truth.arrivals);
    expect(read.endpoints.numRows).toBe(EXAMPLE_SETTINGS.trajectories.arrivals * 73);
    expect(read.trajectories[56]).toMatchObject({ traj: 57, trajInFile: 1, lat: 31.23, lon: 121.47 });
  });
  it("joins on UTC instants: local 08:00 (UTC+8) is the 00:00 UTC arrival; unmatched trajectories are accounted for", () => {
    const j = joinConcentration(read.trajectories, conc.table, "Pb");
    const byReason = (r: string) =>
      j.unmatched.filter((u) => u.status === r).map((u) => new Date(u.arrival).toISOString());
    expect(byReason("missing-value")).toEqual(truth.missingArrivals);
    expect(byReason("no-time-within-tolerance")).toEqual(truth.arrivalsWithoutConcentrationRow);
    expect(j.matched).toBe(248 - 6 - 2);
    j.trajectories.forEach((t, k) => {
      if (t.status === "matched") expect(t.value).toBe(truth.concentrations.Pb[k]);
    });
    expect(j.unit).toBe("ng/m3");
  });
});

describe("readHysplitFiles: bad files", () => {
  it("a malformed file in a set is an input error naming that file", () => {
    const good = readFileSync(join(DATA, "tdump-backward.txt"), "utf8");
    expect(() =>
      readHysplitFiles([
        { name: "good.txt", text: good },
        {
          name: "bad.txt",
          text: "     1     1\n    GDAS    25     1     2     3     0\n     1 BACKWARD OMEGA\n    25     1     2     3   33.880  130.880   500.0\n     1 PRESSURE\n     1     1    25     1     2     3     0     0     0.0   xx.xxx  130.880    500.0   954.7\n",
        },
      ]),
    ).toThrow(/bad\.txt, row 6/);
    expect(() => readHysplitFiles(join(DATA, "no-such-dir"))).toThrow(/no-such-dir/);
  });
});
