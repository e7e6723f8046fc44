"""A server's host and BMC on their two networks (computer-basics/host-ip-and-bmc.md).

What the page states: the host's NIC carries the host IP on the production
network (in-band: SSH, or ipmitool on the host through /dev/ipmi0); the BMC is
a separate chip with its own firmware, powered from the standby rail, with its
own MAC and IP on a dedicated management port or shared through NC-SI; it is
reached out of band over IPMI (UDP 623) or Redfish/the web interface (HTTPS)
and belongs on an isolated management network, never on the internet. The
addresses are the page's examples: the host at 192.168.1.100 on the production
network 192.168.1.0/24, the BMC at 10.0.0.50 on the separate management network
10.0.0.0/24.
"""

from __future__ import annotations

from figures._svg import BLUE, GRAY, GREEN, INK, MUTED, ORANGE, RED, Canvas

TARGET = "computer-basics/img/host-bmc-network.svg"

LABELS = {
    "en": {
        "title": "A server's host and BMC on the production and management networks",
        "production": "Production network 192.168.1.0/24",
        "users": "users, services, SSH: in-band",
        "server": "Server",
        "host": ["Host", "CPU, memory, OS"],
        "nic": "NIC: host IP",
        "host_ip": "192.168.1.100",
        "bmc": ["BMC", "own chip and firmware", "standby power: works", "while the host is off"],
        "port": "port: BMC IP",
        "bmc_ip": "10.0.0.50",
        "inband": "ipmitool via /dev/ipmi0",
        "ncsi": "NC-SI: shared host port",
        "management": "Management network (isolated) 10.0.0.0/24",
        "admin": ["Admin workstation: out-of-band", "IPMI over LAN, UDP 623", "Redfish and web UI, HTTPS"],
        "internet": "never exposed to the internet",
    },
    "zh": {
        "title": "服务器的主机与 BMC 分别接入业务网络和管理网络",
        "production": "业务网络 192.168.1.0/24",
        "users": "用户、服务、SSH：带内",
        "server": "服务器",
        "host": ["主机", "CPU、内存、操作系统"],
        "nic": "网卡：主机 IP",
        "host_ip": "192.168.1.100",
        "bmc": ["BMC", "独立芯片和固件", "待机电源供电：", "主机关机也能工作"],
        "port": "管理网口：BMC IP",
        "bmc_ip": "10.0.0.50",
        "inband": "ipmitool 经 /dev/ipmi0",
        "ncsi": "或经 NC-SI 共享主机网口",
        "management": "管理网络（隔离）10.0.0.0/24",
        "admin": ["管理员工作站：带外", "IPMI over LAN，UDP 623", "Redfish 与 Web 界面，HTTPS"],
        "internet": "绝不暴露到互联网",
    },
}


def render(lang: str) -> str:
    t = LABELS[lang]
    c = Canvas(560, 650, t["title"])
    small = c.small

    # Production network on top.
    c.rect(14, 18, 532, 74, fill=BLUE[0], stroke=BLUE[1], rx=10)
    c.text(30, 48, t["production"], size=small, anchor="start", weight="bold", fill=BLUE[1])
    c.text(30, 76, t["users"], size=small, anchor="start")

    # The server: host on the left, BMC on the right.
    c.rect(14, 118, 532, 310, fill="#f8fafc", stroke=INK, width=2.5, rx=12)
    c.text(30, 146, t["server"], size=small, anchor="start", weight="bold", fill=MUTED)
    c.box(30, 160, 232, 166, [], colors=GRAY)
    c.box(42, 172, 208, 60, [t["nic"], t["host_ip"]], colors=BLUE, size=small)
    c.line([(146, 172), (146, 92)], stroke=BLUE[1], width=3)
    c.lines(146, 282, t["host"], size=small, heading=True)

    c.box(298, 160, 232, 166, [], colors=ORANGE)
    c.lines(414, 243, t["bmc"], size=small, heading=True, leading=1.25)
    # NC-SI: the BMC may share the host's NIC instead of its own port.
    c.line([(298, 202), (250, 202)], stroke=GREEN[1], width=2.5, dash="6 5")
    # In-band: ipmitool on the host talks to the BMC through /dev/ipmi0.
    c.arrow([(262, 282), (296, 282)], stroke=INK)
    c.arrow([(296, 304), (264, 304)], stroke=INK)

    c.box(330, 346, 200, 60, [t["port"], t["bmc_ip"]], colors=GREEN, size=small)
    c.line([(430, 326), (430, 346)], stroke=GREEN[1], width=3)
    c.arrow([(32, 364), (58, 364)], stroke=INK)
    c.text(68, 370, t["inband"], size=small, anchor="start")
    c.line([(32, 400), (58, 400)], stroke=GREEN[1], width=2.5, dash="6 5")
    c.text(68, 406, t["ncsi"], size=small, anchor="start", fill=GREEN[1])

    # Management network below, and the admin's workstation on it.
    c.line([(430, 406), (430, 452)], stroke=GREEN[1], width=3)
    c.rect(14, 452, 532, 186, fill=GREEN[0], stroke=GREEN[1], rx=10)
    c.text(30, 482, t["management"], size=small, anchor="start", weight="bold", fill=GREEN[1])
    c.box(30, 498, 500, 92, [], colors=("#ffffff", GREEN[1]))
    c.lines(46, 544, t["admin"], size=small, anchor="start", heading=True)
    c.text(30, 618, "✕ " + t["internet"], size=small, anchor="start", weight="bold", fill=RED[1])
    return c.svg()
