/*
 * The "finishing your order" page, updated without reloading it by hand (issue 14 item 7): asks
 * the same URL again every 2 seconds and goes wherever the checkout has moved on to (receipt,
 * "payment not completed", a failure page). After a minute it stops and shows what to do instead.
 * Without JavaScript the page's "Check again" button does the same by hand. Loaded as a file
 * (the Content-Security-Policy allows no inline script).
 */
(function () {
  'use strict';
  var page = document.getElementById('status-pending');
  if (!page || !window.fetch) {
    return;
  }
  var tries = 0;
  var maxTries = 30;
  function check() {
    tries += 1;
    window.fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        return response.text().then(function (body) {
          var moved = response.url && response.url !== window.location.href;
          if (moved || body.indexOf('id="status-pending"') < 0) {
            window.location.assign(response.url || window.location.href);
            return;
          }
          later();
        });
      })
      .catch(later);
  }
  function later() {
    if (tries >= maxTries) {
      var slow = document.getElementById('status-slow');
      if (slow) {
        slow.hidden = false;
        slow.focus();
      }
      return;
    }
    window.setTimeout(check, 2000);
  }
  window.setTimeout(check, 2000);
}());
