#!/usr/bin/env bash
# Prepares a throw-away Request Tracker 5 (Debian packages request-tracker5 rt5-db-sqlite
# rt5-standalone) with SQLite in <dir>: "Walk-up" and "Walk-up L2" queues with a "KioskVisitId"
# ticket custom field, a "No-CF" queue without it, a user "alex" who may own tickets, and a REST2
# token for root. Adapted from /work/shared/tools/rt5-local.sh; starting and stopping the
# server is left to tests/rt/rt-server.ts so tests can kill and restart it.
# Usage: rt5-setup.sh <dir> <port>   -> prints RT_TOKEN=<token>
set -euo pipefail
DIR=$1; PORT=$2
rm -rf "$DIR"; mkdir -p "$DIR"/{conf.d,mason,session}
cat > "$DIR/RT_SiteConfig.pm" <<CONF
Set(\$rtname, 'walkup-test');
Set(\$Organization, 'walkup.test');
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$DIR/rt.db');
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $PORT);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://127.0.0.1:$PORT');
Set(\$LogToSTDERR, 'error'); Set(\$LogToSyslog, undef); Set(\$LogToFile, undef);
Set(\$MasonDataDir, '$DIR/mason'); Set(\$MasonSessionDir, '$DIR/session');
Set(\$MailCommand, 'testfile');   # never send mail
# RT checks the REST token's bcrypt hash on every request; at RT's default cost (12) that took 0.5-1 s
# of CPU per request here. The lowest cost keeps the same token check for a throw-away server.
Set(\$BcryptCost, 4);
1;
CONF
export RT_SITE_CONFIG="$DIR/RT_SiteConfig.pm" RT_SITE_CONFIG_DIR="$DIR/conf.d"  # isolated from /etc/request-tracker5
/usr/sbin/rt-setup-database-5 --action init --skip-create >"$DIR/setup.log" 2>&1
cat > "$DIR/seed.pl" <<'PL'
use strict; use warnings; use lib '/usr/share/request-tracker5/lib'; use RT -init;
my $root = RT::User->new(RT->SystemUser); $root->Load('root');
my $q = RT::Queue->new(RT->SystemUser); $q->Create(Name => 'Walk-up');
my $cf = RT::CustomField->new(RT->SystemUser);
$cf->Create(Name => 'KioskVisitId', Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket');
$cf->AddToObject($q);
# An L2 queue for escalations, a queue the visit id field is NOT applied to, and a technician who may own tickets.
my $l2 = RT::Queue->new(RT->SystemUser); $l2->Create(Name => 'Walk-up L2'); $cf->AddToObject($l2);
RT::Queue->new(RT->SystemUser)->Create(Name => 'No-CF');
my $alex = RT::User->new(RT->SystemUser);
$alex->Create(Name => 'alex', EmailAddress => 'alex@walkup.test', Privileged => 1);
$alex->PrincipalObj->GrantRight(Right => 'OwnTicket', Object => RT->System);
my ($id, $msg, $auth) = RT::AuthToken->new(RT::CurrentUser->new($root))
    ->Create(Owner => $root->Id, Description => 'walkup integration tests');
die "token: $msg\n" unless $id; print "$auth\n";
PL
TOKEN=$(perl "$DIR/seed.pl" 2>>"$DIR/setup.log" | tail -1)
echo "RT_TOKEN=$TOKEN"
