// Runs before Bootstrap Italia's bundle. The bundle carries the video.js player, which on loading adds <style>
// elements to every page; the pages' Content-Security-Policy forbids inline styles, so the browser refused them
// and reported a violation on each page. Performa shows no video: this asks video.js not to add its styles.
window.VIDEOJS_NO_DYNAMIC_STYLE = true;
