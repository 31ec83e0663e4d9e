// Where a running JVM spends its CPU: records a Java Flight Recorder profile (JDK's jcmd and jfr)
// and prints the share of execution samples by top frame, by first application frame and by
// library (inclusive: a sample counts once for every library on its stack).
//   node bench/lib/jfr-top.mjs record <pid> <seconds> <file.jfr>    record, then print
//   node bench/lib/jfr-top.mjs print <file.jfr>                      print an existing recording
import { execFileSync } from 'node:child_process';

const LIBRARIES = ['org.hibernate', 'org.postgresql', 'graphql.', 'org.springframework.graphql', 'org.springframework.security',
  'org.springframework.jdbc', 'org.springframework.web', 'org.springframework.aop', 'tools.jackson', 'com.fasterxml.jackson',
  'com.zaxxer', 'io.micrometer', 'ch.qos.logback', 'org.apache.catalina', 'org.apache.coyote', 'sun.security', 'java.math',
  'com.nimbusds', 'com.github.benmanes.caffeine', 'io.github.bucket4j', 'org.dataloader', 'reactor.', 'org.apache.tomcat',
  'org.springframework.transaction', 'org.springframework.orm', 'org.springframework.boot', 'org.springframework.beans',
  'org.springframework.context', 'org.springframework.core', 'org.springframework.util', 'dev.diligence'];

const [command, ...args] = process.argv.slice(2);
let file;
if (command === 'record') {
  const [pid, seconds, target] = args;
  execFileSync('jcmd', [pid, 'JFR.start', 'name=bench-profile', 'settings=profile', `duration=${seconds}s`, `filename=${target}`]);
  execFileSync('sleep', [String(Number(seconds) + 2)]);
  file = target;
} else if (command === 'print') {
  [file] = args;
} else {
  console.error('usage: jfr-top.mjs record <pid> <seconds> <file.jfr> | print <file.jfr>');
  process.exit(2);
}

const text = execFileSync('jfr', ['print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', file], { maxBuffer: 1 << 30 }).toString();
const samples = text.split('jdk.ExecutionSample').slice(1)
  .map((sample) => [...sample.matchAll(/^\s+([\w.$<>]+)\(.*line:/gm)].map((m) => m[1]))
  .filter((frames) => frames.length > 0);
const count = (key, map) => map.set(key, (map.get(key) ?? 0) + 1);
const top = new Map();
const firstOurs = new Map();
const libraries = new Map();
const innermost = new Map();
for (const frames of samples) {
  // a sample counts once for the library of its innermost frame outside the JDK (JDK-only stacks: "JDK")
  const outsideJdk = frames.find((frame) => !/^(java|javax|jdk|sun|com\.sun)\./.test(frame));
  count(outsideJdk ? (LIBRARIES.find((library) => outsideJdk.startsWith(library)) ?? 'other') : 'JDK', innermost);
  count(frames[0], top);
  const ours = frames.find((frame) => frame.startsWith('dev.diligence'));
  if (ours) count(ours, firstOurs);
  new Set(frames.map((frame) => LIBRARIES.find((library) => frame.startsWith(library))).filter(Boolean))
    .forEach((library) => count(library, libraries));
}
const print = (title, map, limit) => {
  console.log(`-- ${title}`);
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit)
    .forEach(([key, n]) => console.log(`${(100 * n / samples.length).toFixed(1).padStart(5)}%  ${key}`));
};
console.log(`${samples.length} execution samples in ${file}`);
print('top frames (self time)', top, 15);
print('first application frame on the stack', firstOurs, 15);
print('libraries, inclusive', libraries, 25);
print('libraries, by the innermost frame outside the JDK', innermost, 25);
